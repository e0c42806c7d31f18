import JournalModel

/// A quick lexical pass over front matter before Yams sees it.
///
/// It refuses the two things that make YAML cost more than its size: anchors and aliases
/// (an alias bomb expands a few lines into billions of nodes) and deep nesting (the composer
/// recurses once per level). Journal front matter needs neither.
enum YAMLPrescan {
  struct Finding {
    let line: Int
    let column: Int
    let message: String
    let hint: String?
  }

  static let maximumDepth = 64

  /// Scans YAML lines; `line` numbers in findings are 1-based within the YAML.
  static func scan(_ lines: [Substring]) -> [Finding] {
    var findings: [Finding] = []
    var flowDepth = 0
    var inDouble = false
    var inSingle = false
    var blockScalarParentIndent: Int? = nil
    var reportedDepth = false
    // The indentations of the block levels open at the current line: its length is the
    // block nesting depth, however many spaces each level is indented by.
    var levels: [Int] = []

    for (lineIndex, line) in lines.enumerated() {
      let scalars = Array(line.unicodeScalars)
      var indent = 0
      while indent < scalars.count, scalars[indent] == " " { indent += 1 }

      if let parent = blockScalarParentIndent {
        if indent >= scalars.count || indent > parent { continue }
        blockScalarParentIndent = nil
      }

      let continuing = inDouble || inSingle || flowDepth > 0
      let blank = indent >= scalars.count || scalars[indent] == "#"
      if !continuing && !blank {
        while let last = levels.last, last > indent { levels.removeLast() }
        if levels.last != indent { levels.append(indent) }
      }
      var expectToken = !(inDouble || inSingle)
      var sequenceIndicators = 0
      var index = inDouble || inSingle ? 0 : indent
      scanning: while index < scalars.count {
        let c = scalars[index]
        let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
        let nextIsBlank = next == nil || next == " " || next == "\t"
        if inDouble {
          if c == "\\" { index += 1 } else if c == "\"" { inDouble = false }
          index += 1
          continue
        }
        if inSingle {
          if c == "'" {
            if next == "'" { index += 1 } else { inSingle = false }
          }
          index += 1
          continue
        }
        if c == " " || c == "\t" {
          index += 1
          continue
        }
        if expectToken {
          switch c {
          case "&", "*":
            let what = c == "&" ? "anchor" : "alias"
            findings.append(
              Finding(
                line: lineIndex + 1, column: index + 1,
                message: "YAML \(what)s are not allowed in front matter",
                hint: "write the value out in full; anchors and aliases can expand without bound"))
            break scanning
          case "\"":
            inDouble = true
            expectToken = false
          case "'":
            inSingle = true
            expectToken = false
          case "|", ">":
            if flowDepth == 0 {
              blockScalarParentIndent = indent
              break scanning
            }
            expectToken = false
          case "-", "?":
            if nextIsBlank {
              sequenceIndicators += 1
            } else {
              expectToken = false
            }
          case "[", "{":
            flowDepth += 1
          case "]", "}":
            flowDepth = max(0, flowDepth - 1)
            expectToken = false
          case "#":
            break scanning
          default:
            expectToken = false
          }
        } else if c == ":" && (nextIsBlank || (flowDepth > 0 && (next == "," || next == "]" || next == "}"))) {
          expectToken = true
        } else if flowDepth > 0 && c == "," {
          expectToken = true
        } else if flowDepth > 0 && (c == "[" || c == "{") {
          flowDepth += 1
          expectToken = true
        } else if flowDepth > 0 && (c == "]" || c == "}") {
          flowDepth -= 1
        } else if c == "#" && index > 0 && (scalars[index - 1] == " " || scalars[index - 1] == "\t") {
          break scanning
        }
        if !reportedDepth && levels.count + sequenceIndicators + flowDepth > maximumDepth {
          reportedDepth = true
          findings.append(
            Finding(
              line: lineIndex + 1, column: index + 1,
              message: "front matter is nested more than \(maximumDepth) levels deep",
              hint: "journal fields are at most a few levels deep"))
        }
        index += 1
      }
    }
    return findings
  }
}
