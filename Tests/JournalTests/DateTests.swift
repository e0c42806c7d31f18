import Foundation
import Testing

/// `GIT_AUTHOR_DATE` and `GIT_COMMITTER_DATE` read as git reads them (`date.c`,
/// `parse_date`), with git as the oracle: each date string of the table (git's own
/// `t0006-date.sh` cases, and the forms people and CI systems write) is given to `git commit`
/// and to `journal commit`; what git accepts must name the same moment and zone in journal's
/// commit, and what git refuses journal must refuse, committing nothing; the one exception is
/// a time git writes past its own signed range, which its fsck rejects and journal refuses.
/// Run in UTC, as t0006-date.sh runs, in a zone with summer time and in one half an hour
/// off, since a date without a zone is local time.
@Suite struct DateTests {
  static let dates = [
    // git's own forms.
    "@1764000000 +0100", "1764000000 +0100", "@1764000000", "1764000000", "@0 +0000", "@12345 -0130",
    "123456789", "12345678", "1234567890 +05", "@1764000000 +01:00",
    // t0006-date.sh.
    "2008", "2008-02", "2008-02-14", "2008-02-14 20:30:45", "2008-02-14 20:30:45 -0500",
    "2008.02.14 20:30:45 -0500", "20080214T203045-04:00", "20080214T203045 -04:00", "20080214T203045.019-04:00",
    "2008-02-14 20:30:45.019-04:00", "2008-02-14 20:30:45 -0015", "2008-02-14 20:30:45 -5",
    "2008-02-14 20:30:45 -5:", "2008-02-14 20:30:45 -05", "2008-02-14 20:30:45 -:30", "2008-02-14 20:30:45 -05:00",
    "20080214T20:30:45", "20080214T20:30", "20080214T20", "20080214T203045", "20080214T2030", "20080214T000000.20",
    "20080214T00:00:00.20", "Thu, 7 Apr 2005 15:14:13 -0700",
    // t0006-date.sh: the ends of the range, with and without a zone.
    "1970-01-01 00:00:00", "1970-01-01 00:00:00 +00", "1970-01-01 00:00:00 Z", "1970-01-01 00:00:00 -01",
    "1970-01-01 00:00:00 +01", "1970-01-01 00:00:00 +11", "1970-01-01 00:59:59 +01", "1970-01-01 01:00:00 +01",
    "1970-01-01 01:00:00 +11", "1970-01-02 00:00:00 +11", "1969-12-31 23:59:59", "1969-12-31 23:59:59 +00",
    "1969-12-31 23:59:59 Z", "1969-12-31 23:59:59 +11", "1969-12-31 23:59:59 -11", "@99999999 +0000", "99999999 +0000",
    "@100000000 +0000", "100000000 +0000", "2099-12-31 23:59:59", "2099-12-31 23:59:59 +00", "2099-12-31 23:59:59 Z",
    "2099-12-31 23:59:59 +01", "2099-12-31 23:59:59 -01", "2099-12-31 23:59:59 -11", "2099-12-31 23:00:00 -01",
    "2099-12-31 22:59:59 -01", "2100-00-00 00:00:00", "2099-12-30 00:00:00 -11", "2100-00-00 00:00:00 +00",
    "2100-00-00 00:00:00 Z", "2100-00-00 00:00:00 -11", "2100-00-00 00:00:00 +11",
    // t0006-date.sh's approxidate cases, which the strict parse_date takes or refuses.
    "today", "5 seconds ago", "5.seconds.ago", "10.minutes.ago", "3.days.ago", "12:34:56.3.days.ago", "3.weeks.ago",
    "3.months.ago", "2.years.3.months.ago", "6am yesterday", "6pm yesterday", "3:00", "15:00", "noon today",
    "today at noon", "noon yesterday", "last Friday at noon", "tea last saturday", "January 5th noon pm",
    "January 5th today pm", "10am noon", "January 5th yesterday", "last tuesday", "July 5th", "06/05/2009",
    "06.05.2009", "Jan 5 today", "Jun 6, 5AM", "5AM Jun 6", "6AM, June 7, 2009", "2008-12-01", "2009-12-01",
    "2000 +0000", "@2000 +0000",
    // RFC 2822 and what `git log` prints.
    "Thu, 14 Feb 2008 20:30:45 -0500", "14 Feb 2008 20:30:45 +0000", "Thu Feb 14 20:30:45 2008 -0500",
    "Thu Feb 14 20:30:45 2008", "Fri, 20 Nov 2026 09:00:00 -0500", "Thu, 14 Feb 2008 20:30:45 GMT",
    "14 February 2008 20:30", "February 14, 2008 8:30 PM EST", "Feb 14 2008 8:30pm",
    // ISO 8601.
    "2026-11-20T10:11:12+02:00", "2026-11-20T10:11:12Z", "2026-11-20 10:11:12 UTC", "2026-11-20T10:11:12.5+0530",
    "2026-11-20 10:11", "2026-11-20 10:11:12 +14:00", "2026-11-20 10:11:12 +2400", "2026-11-20 24:00:00 +0000",
    // Zone names, in git's table.
    "2026-11-20 10:11:12 PST", "2026-11-20 10:11:12 CEST", "2026-11-20 10:11:12 EST -0300", "2026-07-01 10:00 BST",
    "2026-11-20 10:11:12 XYZ",
    // Day and month orders.
    "11/20/2026 10:00", "20.11.2026 10:00 +0100", "2026/11/20 10:00:00", "20/11/2026 10:00", "11.20.2026 10:00",
    "5/6/07 10:00", "01/01/2099 10:00", "2026-02-30 10:00 +0000", "2026-13-01 10:00 +0000", "2026-20-11 10:00",
    // Twelve-hour clocks.
    "2026-11-20 10:00pm", "10:00 PM 2026-11-20", "2026-11-20 12:00 am", "2026-11-20 12:30 PM +0000",
    // The ends of git's range, and beyond.
    "1970-01-01 00:00:00 +0000", "1969-12-31 23:59:59 +0000", "2099-12-31 23:59:59 +0000", "2100-01-01 00:00 +0000",
    "1970-01-01 00:00:00 +0100", "@9223372036854775808 +0000", "@18446744073709551615 +0000",
    "2026-11-20 20:60:00", "2026-11-20 25:00:00",
    // What git refuses: its looser forms are for other commands.
    "yesterday", "now", "noon", "last friday", "2 weeks ago", "garbage", "-", "+0100",
    // Odd mixtures, where git's guesses decide.
    "2008-02-14 20:30:45 +0000 +0100", "Feb 30 2008 10:00", "20:30 Feb 14 2008", "14.02.08 20:30", "2/14 20:30",
    "12:00", "1 2 3 4 5 6", "2008-02-14 08:30:45 pm", "2008-02-14 20:30:45.123456789", "2008-W07-4 10:00",
    "Thu, 14 Feb 2008 20:30:45 +0000 (UTC)", "1234567890.5 +0000", "T20:30:45 2008-02-14", "2008-02-14T20:30:45+05:30",
    "2008-02-14 20:30:45 +05:3", "2008-02-14 20:30:45 +123", "2008-02-14 20:30:45 -1400", "2008-02-14 20:30:45 +9999",
    "Fri Nov 20 2026 10:00:00 GMT+0100 (CET)", "99-12-31 10:00", "69-01-01 10:00", "00-01-01 10:00", "2008-02-14 1299",
    // White space, and bytes git's C library does not take for letters.
    "  2008-02-14 20:30:45 +0000  ", "2008-02-14\t20:30:45", "2008-02-14 20:30:45 +0000 é", "2008-02-14\n20:30:45",
  ]

  @Test(arguments: ["UTC", "EST5EDT,M3.2.0,M11.1.0", "IST-5:30"]) func datesAsGitReadsThem(_ zone: String) throws {
    let pair = try DifferentialTests.Pair()
    let author = { (repo: GitFixture) in
      try repo.git("cat-file", "-p", "HEAD").split(separator: "\n").first { $0.hasPrefix("author ") }.map(String.init) ?? ""
    }
    var differences: [String] = []
    for (index, date) in Self.dates.enumerated() {
      try pair.change { try $0.write([DifferentialTests.note: session + "- Change \(index)\n"]) }
      let before = pair.journal.head
      let runs = try pair.commit([DifferentialTests.note], environment: ["GIT_AUTHOR_DATE": date, "TZ": zone])
      if runs.git.status != 0 {
        if runs.journal.status != 2 || pair.journal.head != before {
          differences.append("\(date): git refuses it, journal exits \(runs.journal.status)")
        } else if !runs.journal.stderr.contains("invalid date format") {
          differences.append("\(date): journal says \(runs.journal.stderr)")
        }
        continue
      }
      let git = try author(pair.git)
      // git writes a time past its own signed range (its fsck says badDateOverflow); journal
      // refuses such a date instead.
      if let seconds = git.split(separator: " ").dropLast().last.flatMap({ UInt64($0) }), seconds > UInt64(Int64.max) {
        if runs.journal.status != 2 || !runs.journal.stderr.contains("date out of range") {
          differences.append("\(date): git writes \(seconds), journal exits \(runs.journal.status): \(runs.journal.stderr)")
        }
        continue
      }
      guard runs.journal.status == 0 else {
        differences.append("\(date): git takes it, journal refuses it: \(runs.journal.stderr)")
        continue
      }
      let journal = try author(pair.journal)
      if git != journal { differences.append("\(date): git \(git), journal \(journal)") }
    }
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
  }

  /// An empty date is no date: the commit is made now, as git makes it.
  @Test func anEmptyDateIsNow() throws {
    let pair = try DifferentialTests.Pair()
    try pair.change { try $0.write([DifferentialTests.note: session]) }
    let runs = try pair.commit([DifferentialTests.note], environment: ["GIT_AUTHOR_DATE": "", "GIT_COMMITTER_DATE": ""])
    #expect(runs.git.status == 0 && runs.journal.status == 0, "\(runs.journal.stderr)")
    let time = try Int(pair.journal.git("log", "-1", "--format=%at").trimmingCharacters(in: .newlines)) ?? 0
    #expect(abs(time - Int(Date().timeIntervalSince1970)) < 60)
  }
}
