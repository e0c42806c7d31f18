import Foundation
import JournalCLI

exit(JournalMain.run(Array(CommandLine.arguments.dropFirst())))
