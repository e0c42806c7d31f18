/// git's `wildmatch` (`wildmatch.c`), which libgit2 does not export: shell-style patterns
/// (`?`, `*`, `[…]`, `\`) over bytes where, with `pathname`, `*` and `?` do not match `/` and
/// `**` between slashes matches any number of folders. git matches
/// `includeIf.hasconfig:remote.*.url:` patterns with it (`pathname` on).
enum Wildmatch {
  static func matches(_ pattern: String, _ text: String, pathname: Bool = true) -> Bool {
    // NUL-terminated, as the C code reads them.
    let p = Array(pattern.utf8) + [0]
    let t = Array(text.utf8) + [0]
    return Matcher(p: p, t: t, pathname: pathname).match(0, 0) == .match
  }

  private enum Result { case match, noMatch, abortAll, abortToStarStar }

  private struct Matcher {
    let p: [UInt8]
    let t: [UInt8]
    let pathname: Bool

    func match(_ start: Int, _ textStart: Int) -> Result {
      var pi = start
      var ti = textStart
      while p[pi] != 0 {
        var pc = p[pi]
        var tc = t[ti]
        if tc == 0 && pc != UInt8(ascii: "*") { return .abortAll }
        switch pc {
        case UInt8(ascii: "?"):
          if pathname && tc == UInt8(ascii: "/") { return .noMatch }
        case UInt8(ascii: "*"):
          pi += 1
          var matchSlash: Bool
          if p[pi] == UInt8(ascii: "*") {
            let previous = pi - 2
            while p[pi + 1] == UInt8(ascii: "*") { pi += 1 }
            pi += 1
            if !pathname {
              matchSlash = true
            } else if (previous < start || p[previous] == UInt8(ascii: "/"))
              && (p[pi] == 0 || p[pi] == UInt8(ascii: "/") || (p[pi] == UInt8(ascii: "\\") && p[pi + 1] == UInt8(ascii: "/")))
            {
              // `foo/**/bar` matches `foo/bar` too.
              if p[pi] == UInt8(ascii: "/") && match(pi + 1, ti) == .match { return .match }
              matchSlash = true
            } else {
              matchSlash = false
            }
          } else {
            matchSlash = !pathname
          }
          if p[pi] == 0 {
            // A trailing `**` matches everything; a trailing `*` no further folder.
            if !matchSlash && t[ti...].contains(UInt8(ascii: "/")) { return .noMatch }
            return .match
          } else if !matchSlash && p[pi] == UInt8(ascii: "/") {
            // One `*` then `/` matches up to the next folder.
            guard let slash = t[ti...].firstIndex(of: UInt8(ascii: "/")), t[slash] != 0 else { return .noMatch }
            // The loop's step then takes the slash in both.
            ti = slash
            break
          }
          while true {
            if tc == 0 { break }
            if !isGlobSpecial(p[pi]) {
              // A literal after `*`: skip ahead to where it occurs.
              pc = p[pi]
              while true {
                tc = t[ti]
                guard tc != 0, matchSlash || tc != UInt8(ascii: "/") else { break }
                if tc == pc { break }
                ti += 1
              }
              if tc != pc { return .noMatch }
            }
            let matched = match(pi, ti)
            if matched != .noMatch {
              if !matchSlash || matched != .abortToStarStar { return matched }
            } else if !matchSlash && tc == UInt8(ascii: "/") {
              return .abortToStarStar
            }
            ti += 1
            tc = t[ti]
          }
          return .abortAll
        case UInt8(ascii: "["):
          pi += 1
          pc = p[pi]
          if pc == UInt8(ascii: "^") { pc = UInt8(ascii: "!") }
          let negated = pc == UInt8(ascii: "!")
          if negated {
            pi += 1
            pc = p[pi]
          }
          var previousChar: UInt8 = 0
          var matched = false
          repeat {
            if pc == 0 { return .abortAll }
            if pc == UInt8(ascii: "\\") {
              pi += 1
              pc = p[pi]
              if pc == 0 { return .abortAll }
              if tc == pc { matched = true }
            } else if pc == UInt8(ascii: "-") && previousChar != 0 && p[pi + 1] != 0 && p[pi + 1] != UInt8(ascii: "]") {
              pi += 1
              pc = p[pi]
              if pc == UInt8(ascii: "\\") {
                pi += 1
                pc = p[pi]
                if pc == 0 { return .abortAll }
              }
              if tc <= pc && tc >= previousChar { matched = true }
              pc = 0
            } else if pc == UInt8(ascii: "[") && p[pi + 1] == UInt8(ascii: ":") {
              pi += 2
              let classStart = pi
              while p[pi] != 0 && p[pi] != UInt8(ascii: "]") { pi += 1 }
              pc = p[pi]
              if pc == 0 { return .abortAll }
              let length = pi - classStart - 1
              if length < 0 || p[pi - 1] != UInt8(ascii: ":") {
                // Not `[:class:]`: a plain `[`.
                pi = classStart - 2
                pc = UInt8(ascii: "[")
                if tc == pc { matched = true }
                previousChar = pc
                pi += 1
                pc = p[pi]
                continue
              }
              let name = String(decoding: p[classStart..<(classStart + length)], as: UTF8.self)
              guard let member = Self.characterClass(name) else { return .abortAll }
              if member(tc) { matched = true }
              pc = 0
            } else if tc == pc {
              matched = true
            }
            previousChar = pc
            pi += 1
            pc = p[pi]
          } while pc != UInt8(ascii: "]")
          if matched == negated || (pathname && tc == UInt8(ascii: "/")) { return .noMatch }
        case UInt8(ascii: "\\"):
          // A literal match with the next character.
          pi += 1
          pc = p[pi]
          if tc != pc { return .noMatch }
        default:
          if tc != pc { return .noMatch }
        }
        pi += 1
        ti += 1
      }
      return t[ti] != 0 ? .noMatch : .match
    }

    private func isGlobSpecial(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\\")
    }

    /// `[:name:]` in the C locale.
    private static func characterClass(_ name: String) -> ((UInt8) -> Bool)? {
      func within(_ byte: UInt8, _ ranges: ClosedRange<UInt8>...) -> Bool { ranges.contains { $0.contains(byte) } }
      switch name {
      case "alnum": return { within($0, 0x30...0x39, 0x41...0x5A, 0x61...0x7A) }
      case "alpha": return { within($0, 0x41...0x5A, 0x61...0x7A) }
      case "blank": return { $0 == 0x20 || $0 == 0x09 }
      case "cntrl": return { $0 < 0x20 || $0 == 0x7F }
      case "digit": return { within($0, 0x30...0x39) }
      case "graph": return { within($0, 0x21...0x7E) }
      case "lower": return { within($0, 0x61...0x7A) }
      case "print": return { within($0, 0x20...0x7E) }
      case "punct": return { within($0, 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E) }
      case "space": return { within($0, 0x09...0x0D) || $0 == 0x20 }
      case "upper": return { within($0, 0x41...0x5A) }
      case "xdigit": return { within($0, 0x30...0x39, 0x41...0x46, 0x61...0x66) }
      default: return nil
      }
    }
  }
}
