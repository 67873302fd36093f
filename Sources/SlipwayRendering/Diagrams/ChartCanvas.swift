/// A canvas of pinned shapes for charts (the risk histogram, S-curves, tornado
/// bars): boxes, text and polylines placed in points from the top-left corner,
/// turned into a Graphviz graph whose nodes are pinned where they are drawn
/// (`LayoutEngine.pinned`), so charts go through the same renderer as every
/// other diagram and come out as SVG, PNG and PDF alike.
struct ChartCanvas {
    struct Shape {
        var name: String
        var x, y, width, height: Double
        var attributes: GraphSpec.Attributes
    }

    struct Line {
        var points: [(x: Double, y: Double)]
        var color: String
        var width: Double
        var dashed: Bool
        var classes: String
    }

    let name: String
    private(set) var shapes: [Shape] = []
    private(set) var lines: [Line] = []
    /// The height used so far (top-down).
    var height = 0.0
    var width = 0.0
    private var serial = 0

    init(name: String) { self.name = name }

    private mutating func nextName(_ prefix: String) -> String {
        serial += 1
        return "\(prefix)\(serial)"
    }

    mutating func box(x: Double, y: Double, width: Double, height: Double, fill: String, line: String? = nil, classes: String) {
        guard width > 0.01, height > 0.01 else { return }
        shapes.append(Shape(name: nextName("b"), x: x, y: y, width: width, height: height, attributes: [
            ("shape", "box"), ("style", "filled"), ("label", ""), ("fillcolor", .text(fill)),
            ("color", .text(line ?? fill)), ("penwidth", line == nil ? "0" : "1"), ("class", .text(classes)),
        ]))
        self.width = max(self.width, x + width)
        self.height = max(self.height, y + height)
    }

    enum Align { case left, right, centre }

    mutating func text(_ text: String, x: Double, y: Double, width: Double, height: Double, size: Double,
                       align: Align = .left, color: String = "#000000", bold: Bool = false) {
        let label: String
        switch align {
        case .left: label = DiagramStyle.leftLines([text])
        case .right: label = DiagramStyle.escapeLabel(text) + "\\r"
        case .centre: label = DiagramStyle.centredLines([text])
        }
        shapes.append(Shape(name: nextName("t"), x: x, y: y, width: width, height: height, attributes: [
            ("shape", "plaintext"), ("label", .text(label)), ("fontsize", .text(DiagramStyle.format(size))),
            ("fontcolor", .text(color)), ("fontname", .text(bold ? "Helvetica-Bold" : DiagramStyle.font)),
            ("margin", "0.02,0"), ("class", "text"),
        ]))
        self.width = max(self.width, x + width)
        self.height = max(self.height, y + height)
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], color: String, width: Double = 1.5, dashed: Bool = false, classes: String) {
        guard points.count >= 2 else { return }
        lines.append(Line(points: points, color: color, width: width, dashed: dashed, classes: classes))
        for p in points {
            self.width = max(self.width, p.x)
            self.height = max(self.height, p.y)
        }
    }

    /// The shapes as pinned nodes (`pos` is the centre in points, y pointing up)
    /// and each polyline as straight edges between pinned points of no size.
    ///
    /// - Complexity: O(*s* + *p*) for *s* shapes and *p* points of lines.
    func spec() -> GraphSpec {
        let total = height
        var spec = GraphSpec(
            name: name,
            nodeDefaults: [("fixedsize", "true"), ("fontname", .text(DiagramStyle.font)), ("penwidth", "0")],
            // Unclipped, so that consecutive segments of a curve meet without gaps.
            edgeDefaults: [("arrowhead", "none"), ("dir", "none"), ("headclip", "false"), ("tailclip", "false")])
        spec.graphAttributes = [("pad", "0.2"), ("bgcolor", "white"), ("outputorder", "nodesfirst"), ("splines", "line")]
        func pin(_ x: Double, _ y: Double) -> GraphSpec.Value { .text("\(DiagramStyle.format(x)),\(DiagramStyle.format(total - y))!") }
        for shape in shapes {
            spec.addNode(shape.name, shape.attributes + [
                ("pos", pin(shape.x + shape.width / 2, shape.y + shape.height / 2)),
                ("width", .text(DiagramStyle.inches(shape.width))), ("height", .text(DiagramStyle.inches(shape.height))),
            ])
        }
        for (l, line) in lines.enumerated() {
            for (k, point) in line.points.enumerated() {
                spec.addNode("l\(l)p\(k)", [("shape", "point"), ("width", "0.01"), ("height", "0.01"), ("label", ""),
                                            ("style", "invis"), ("pos", pin(point.x, point.y))])
            }
            for k in 1..<line.points.count {
                spec.addEdge("l\(l)p\(k - 1)", "l\(l)p\(k)", [
                    ("color", .text(line.color)), ("penwidth", .text(DiagramStyle.format(line.width))),
                    ("style", line.dashed ? "dashed" : "solid"), ("class", .text(line.classes)),
                ])
            }
        }
        return spec
    }
}
