/// The `README.md` journal writes at the root of a shared repository, for the person.
enum SharedReadme {
  static let fileName = "README.md"
}
