/// A directed graph to draw, as plain values: what the diagrams build and what
/// `GraphvizRenderer` turns into a cgraph graph. Keeping the description apart
/// from the C objects means no Graphviz pointer outlives one render call, and
/// the diagrams can be built and inspected without the library's lock.
public struct GraphSpec: Sendable {
    /// An attribute value: plain text (Graphviz escapes such as `\n` and `\l`
    /// apply) or an HTML-like label (written `<...>` in DOT).
    public enum Value: Sendable, Hashable {
        case text(String)
        case html(String)
    }

    public typealias Attributes = [(name: String, value: Value)]

    public struct Node: Sendable {
        public var name: String
        public var attributes: Attributes
        /// The index in `clusters` of the cluster holding this node, if any.
        public var cluster: Int?

        public init(name: String, attributes: Attributes, cluster: Int? = nil) {
            self.name = name
            self.attributes = attributes
            self.cluster = cluster
        }
    }

    public struct Edge: Sendable {
        public var tail: String
        public var head: String
        public var attributes: Attributes

        public init(tail: String, head: String, attributes: Attributes = []) {
            self.tail = tail
            self.head = head
            self.attributes = attributes
        }
    }

    /// A subgraph drawn as a box around its nodes; its name starts with `cluster`.
    public struct Cluster: Sendable {
        public var name: String
        public var attributes: Attributes

        public init(name: String, attributes: Attributes) {
            self.name = name
            self.attributes = attributes
        }
    }

    public var name: String
    public var graphAttributes: Attributes
    public var nodeDefaults: Attributes
    public var edgeDefaults: Attributes
    public var clusters: [Cluster]
    /// Nodes in drawing order: a later node is painted over an earlier one.
    public var nodes: [Node]
    public var edges: [Edge]

    public init(name: String, graphAttributes: Attributes = [], nodeDefaults: Attributes = [], edgeDefaults: Attributes = []) {
        self.name = name
        self.graphAttributes = graphAttributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.clusters = []
        self.nodes = []
        self.edges = []
    }

    /// Adds a cluster and returns its index.
    @discardableResult
    public mutating func addCluster(_ cluster: Cluster) -> Int {
        clusters.append(cluster)
        return clusters.count - 1
    }

    public mutating func addNode(_ name: String, _ attributes: Attributes, cluster: Int? = nil) {
        nodes.append(Node(name: name, attributes: attributes, cluster: cluster))
    }

    public mutating func addEdge(_ tail: String, _ head: String, _ attributes: Attributes = []) {
        edges.append(Edge(tail: tail, head: head, attributes: attributes))
    }
}

extension GraphSpec.Value: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
}
