import CGraphviz
import Foundation
import Synchronization

/// How Graphviz places the nodes.
public enum LayoutEngine: String, Sendable {
    /// Hierarchical layout (Gansner et al. 1993), for networks.
    case dot
    /// No layout: every node keeps its `pos` (as `neato -n2`), for charts whose
    /// geometry Slipway computes itself.
    case pinned = "nop2"
}

/// The file formats a diagram is written in.
public enum RenderFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot

    public var fileExtension: String { rawValue }
}

/// A rendered diagram, with where the time went.
public struct RenderedGraph: Sendable {
    public var data: Data
    /// Building the cgraph graph from the spec.
    public var buildSeconds: Double
    /// `gvLayout` (0 for DOT, which is written without a layout).
    public var layoutSeconds: Double
    /// `gvRenderData` (or writing DOT).
    public var renderSeconds: Double
}

/// Lays out and renders graphs through Graphviz's C library, in process.
///
/// Graphviz keeps global state and is not thread-safe (cgraph(3)), and a context
/// created and freed per graph reads freed memory in the pango plugin. So the
/// process has one `GVC_t`, created on first use and kept, and every Graphviz call
/// runs inside one lock: renders from many threads are serialised, not parallel.
/// Every graph, layout and render buffer is freed before the lock is released.
public enum GraphvizRenderer {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The process's Graphviz context; nil until the first render.
    private static let context = Mutex<OpaquePointer?>(nil)

    /// Builds the graph, lays it out with `engine` and renders it as `format`.
    ///
    /// DOT is the graph as built, without layout positions (except those a pinned
    /// chart sets itself), so that it is the same with any Graphviz version.
    ///
    /// - Throws: `Failure` with Graphviz's message when the layout or the renderer fails.
    /// - Complexity: that of the layout: for `dot`, network simplex ranking and
    ///   crossing reduction, roughly O(*V*·*E*) in practice on plan networks.
    public static func render(_ spec: GraphSpec, engine: LayoutEngine, format: RenderFormat) throws -> RenderedGraph {
        try context.withLock { context throws -> RenderedGraph in
            if context == nil {
                // Collect Graphviz's warnings instead of letting them reach stderr.
                agseterr(AGMAX)
                context = gvContext()
            }
            guard let gvc = context else { throw Failure(description: "Graphviz could not create a context") }
            let clock = ContinuousClock()
            let started = clock.now
            let graph = build(spec)
            defer { agclose(graph) }
            let built = clock.now
            if format == .dot {
                var length = 0
                guard let text = slipway_agwrite_string(graph, &length) else {
                    throw Failure(description: "Graphviz could not write the graph as DOT")
                }
                defer { free(text) }
                let data = Data(bytes: text, count: length)
                return RenderedGraph(data: data, buildSeconds: seconds(built - started), layoutSeconds: 0,
                                     renderSeconds: seconds(clock.now - built))
            }
            guard slipway_gvLayout(gvc, graph, engine.rawValue) == 0 else {
                throw Failure(description: "Graphviz layout '\(engine.rawValue)' failed\(lastError())")
            }
            defer { gvFreeLayout(gvc, graph) }
            let laidOut = clock.now
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = slipway_gvRenderData(gvc, graph, format.rawValue, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard status == 0, let buffer else {
                throw Failure(description: "Graphviz could not render \(format.rawValue)\(lastError())")
            }
            var data = Data(bytes: buffer, count: Int(length))
            if format == .pdf { data = ReproduciblePDF.normalized(data) }
            return RenderedGraph(data: data, buildSeconds: seconds(built - started), layoutSeconds: seconds(laidOut - built),
                                 renderSeconds: seconds(clock.now - laidOut))
        }
    }

    /// Turns the spec into a cgraph graph: clusters first and their attributes,
    /// then defaults, nodes in order, edges, and the root's own attributes last.
    /// (A graph attribute set on the root before a subgraph exists is inherited by
    /// it, which would give every cluster the diagram's title.)
    private static func build(_ spec: GraphSpec) -> UnsafeMutablePointer<Agraph_t> {
        let root = slipway_agopen_directed(spec.name)!
        let clusters = spec.clusters.map { cluster -> UnsafeMutablePointer<Agraph_t> in
            let subgraph = slipway_agsubg(root, cluster.name)!
            set(cluster.attributes, on: UnsafeMutableRawPointer(subgraph), root: root)
            return subgraph
        }
        for (name, value) in spec.nodeDefaults { slipway_agattr(root, Int32(AGNODE), name, value.string) }
        for (name, value) in spec.edgeDefaults { slipway_agattr(root, Int32(AGEDGE), name, value.string) }
        var nodes: [String: UnsafeMutablePointer<Agnode_t>] = [:]
        nodes.reserveCapacity(spec.nodes.count)
        for node in spec.nodes {
            let parent = node.cluster.map { clusters[$0] } ?? root
            let created = slipway_agnode(parent, node.name)!
            nodes[node.name] = created
            set(node.attributes, on: UnsafeMutableRawPointer(created), root: root)
        }
        for edge in spec.edges {
            guard let tail = nodes[edge.tail], let head = nodes[edge.head] else { continue }
            let created = slipway_agedge(root, tail, head)!
            set(edge.attributes, on: UnsafeMutableRawPointer(created), root: root)
        }
        set(spec.graphAttributes, on: UnsafeMutableRawPointer(root), root: root)
        return root
    }

    private static func set(_ attributes: GraphSpec.Attributes, on object: UnsafeMutableRawPointer, root: UnsafeMutablePointer<Agraph_t>) {
        for (name, value) in attributes {
            switch value {
            case .text(let text): slipway_agsafeset(object, name, text)
            case .html(let html): slipway_agsafeset_html(root, object, name, html)
            }
        }
    }

    /// Graphviz's last collected error, as `: message`, or nothing.
    private static func lastError() -> String {
        guard let message = aglasterr() else { return "" }
        defer { free(message) }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "" : ": \(text)"
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}

extension GraphSpec.Value {
    /// The value as cgraph stores a default: HTML defaults are not used by the diagrams.
    var string: String {
        switch self {
        case .text(let text), .html(let text): return text
        }
    }
}
