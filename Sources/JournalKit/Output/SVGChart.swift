import JournalModel

/// Small charts drawn as inline SVG: no script, no font, no network; they print as they show.
enum SVGChart {
  static let width = 520.0
  static let height = 180.0
  static let margin = (left: 44.0, right: 16.0, top: 14.0, bottom: 28.0)

  /// A metric over time: its values as a line with points, the target as a dashed line and
  /// the baseline as a dotted one.
  static func metric(_ values: [(day: Day, value: Double)], baseline: Double?, target: Double?, label: String) -> String {
    guard let first = values.first, let last = values.last else { return "" }
    let levels = values.map(\.value) + [baseline, target].compactMap { $0 }
    var low = levels.min()!
    var high = levels.max()!
    if low == high { low -= 1; high += 1 }
    let pad = (high - low) * 0.1
    low -= pad
    high += pad
    let start = Double(first.day.ordinal)
    let span = Double(max(1, last.day.ordinal - first.day.ordinal))
    let plotWidth = width - margin.left - margin.right
    let plotHeight = height - margin.top - margin.bottom
    func x(_ day: Day) -> Double {
      values.count == 1 ? margin.left + plotWidth / 2 : margin.left + (Double(day.ordinal) - start) / span * plotWidth
    }
    func y(_ value: Double) -> Double { margin.top + (high - value) / (high - low) * plotHeight }

    var svg = open(label)
    svg += axes()
    // The axis is labelled at the highest and lowest level drawn.
    for value in [high - pad, low + pad] {
      svg += text(margin.left - 6, y(value) + 4, format(value), anchor: "end")
    }
    if let target {
      svg += "<line class=\"target\" x1=\"\(f(margin.left))\" x2=\"\(f(width - margin.right))\" y1=\"\(f(y(target)))\" y2=\"\(f(y(target)))\"/>"
      svg += text(width - margin.right, y(target) - 4, "target \(format(target))", anchor: "end")
    }
    if let baseline {
      svg += "<line class=\"baseline\" x1=\"\(f(margin.left))\" x2=\"\(f(width - margin.right))\" y1=\"\(f(y(baseline)))\" y2=\"\(f(y(baseline)))\"/>"
    }
    let points = values.map { "\(f(x($0.day))),\(f(y($0.value)))" }.joined(separator: " ")
    svg += "<polyline class=\"series\" points=\"\(points)\"/>"
    for point in values {
      svg += "<circle class=\"point\" cx=\"\(f(x(point.day)))\" cy=\"\(f(y(point.value)))\" r=\"3\"><title>\(point.day): \(format(point.value))</title></circle>"
    }
    svg += text(margin.left, height - 8, first.day.description, anchor: "start")
    if values.count > 1 { svg += text(width - margin.right, height - 8, last.day.description, anchor: "end") }
    return svg + "</svg>"
  }

  /// Bars per month; with `second`, two bars side by side (opened against closed).
  static func bars(_ months: [String], _ first: [Int], _ second: [Int]? = nil, labels: (String, String?), title: String) -> String {
    guard !months.isEmpty else { return "" }
    let top = max(1, (first + (second ?? [])).max() ?? 1)
    let plotWidth = width - margin.left - margin.right
    let plotHeight = height - margin.top - margin.bottom
    let slot = plotWidth / Double(months.count)
    let barWidth = min(28, slot / (second == nil ? 1.6 : 2.6))
    var svg = open(title)
    svg += axes()
    svg += text(margin.left - 6, margin.top + 4, String(top), anchor: "end")
    svg += text(margin.left - 6, height - margin.bottom + 4, "0", anchor: "end")
    for (index, month) in months.enumerated() {
      let center = margin.left + slot * (Double(index) + 0.5)
      let series = [(first[index], "bar", labels.0)] + (second.map { [($0[index], "bar second", labels.1 ?? "")] } ?? [])
      for (offset, (count, kind, name)) in series.enumerated() {
        let barHeight = Double(count) / Double(top) * plotHeight
        let left = second == nil ? center - barWidth / 2 : center - barWidth + Double(offset) * barWidth
        svg += "<rect class=\"\(kind)\" x=\"\(f(left))\" y=\"\(f(height - margin.bottom - barHeight))\" width=\"\(f(barWidth - 2))\" height=\"\(f(barHeight))\"><title>\(month): \(count) \(HTMLText.escape(name))</title></rect>"
      }
      svg += text(center, height - 8, month, anchor: "middle")
    }
    return svg + "</svg>"
  }

  private static func open(_ label: String) -> String {
    "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTMLText.escape(label))</title>"
  }

  private static func axes() -> String {
    let bottom = height - margin.bottom
    return "<line class=\"axis\" x1=\"\(f(margin.left))\" x2=\"\(f(margin.left))\" y1=\"\(f(margin.top))\" y2=\"\(f(bottom))\"/>"
      + "<line class=\"axis\" x1=\"\(f(margin.left))\" x2=\"\(f(width - margin.right))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom))\"/>"
  }

  private static func text(_ x: Double, _ y: Double, _ content: String, anchor: String) -> String {
    "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
  }

  static func format(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
  }

  private static func f(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}
