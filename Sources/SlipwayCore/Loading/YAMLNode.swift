/// A composed YAML document, flat: every node in document order (a collection
/// before its children), and the text of every scalar back to back in one
/// buffer (`ScalarText`). Tags are not resolved: every scalar keeps its text, and the reader
/// interprets it by the field it belongs to.
///
/// Why flat: a plan of a million tasks has some twenty million nodes. As a tree of
/// enums, each collection was an array of its own and each scalar a `String`;
/// building, walking and freeing those allocations was most of the time spent
/// loading. Here a node is 20 bytes in one array, and a scalar becomes a `String`
/// only when the reader keeps it.
///
/// An alias is a node of its own that names the node of its anchor; readers see
/// through it (`YAMLNode` is always the named node), so nothing is ever copied
/// and an alias costs one node whatever it stands for.
final class YAMLTree {
    struct Node: Equatable {
        /// 1-based, as editors count.
        var line: UInt32
        var column: UInt32
        /// A scalar: where its text starts in `text`. A collection: the index just
        /// past its last descendant. An alias: the index of the node it names.
        var a: UInt32
        /// A scalar: the length of its text. A collection: its number of children
        /// (two per pair of a mapping, dropped pairs included).
        var b: UInt32
        var kind: Kind
        /// On the key of a mapping pair whose key was already given: the pair is
        /// left out when the mapping is read (the first one wins).
        var dropped = false
    }

    enum Kind: UInt8 { case scalar, sequence, mapping, alias }

    let nodes: [Node]
    let text: ScalarText

    init(nodes: [Node], text: ScalarText) {
        self.nodes = nodes
        self.text = text
    }

    /// The node an alias names; any other node itself.
    @inline(__always) func resolved(_ i: Int) -> Int {
        nodes[i].kind == .alias ? Int(nodes[i].a) : i
    }

    /// The index just past node `i` and its descendants.
    @inline(__always) func skipping(_ i: Int) -> Int {
        switch nodes[i].kind {
        case .sequence, .mapping: return Int(nodes[i].a)
        case .scalar, .alias: return i + 1
        }
    }

    func location(_ i: Int) -> SourceLocation {
        SourceLocation(line: Int(nodes[i].line), column: Int(nodes[i].column))
    }

    /// Calls `body` with the UTF-8 bytes of scalar `i`, without copying them.
    @inline(__always) func withBytes<R>(of i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(text) { try body(text.bytes(Int(nodes[i].a), Int(nodes[i].b))) }
    }

    func string(_ i: Int) -> String {
        withBytes(of: i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The children of collection `i` (aliases seen through), in order. Pairs of a
    /// mapping come as key, value, key, value; dropped pairs are left out.
    func children(of i: Int) -> Children { Children(tree: .passUnretained(self), index: i) }

    /// Does not retain the tree: see `YAMLNode.owner`.
    struct Children: Sequence {
        let tree: Unmanaged<YAMLTree>
        let index: Int

        var count: Int { tree._withUnsafeGuaranteedRef { Int($0.nodes[index].b) } }

        func makeIterator() -> Iterator {
            tree._withUnsafeGuaranteedRef { t in
                Iterator(tree: tree, cursor: index + 1, end: Int(t.nodes[index].a), isMapping: t.nodes[index].kind == .mapping)
            }
        }

        struct Iterator: IteratorProtocol {
            let tree: Unmanaged<YAMLTree>
            var cursor: Int
            let end: Int
            let isMapping: Bool
            var atValue = false

            mutating func next() -> Int? {
                tree._withUnsafeGuaranteedRef { t in
                    while cursor < end {
                        let i = cursor
                        cursor = t.skipping(i)
                        if isMapping && !atValue && t.nodes[i].dropped {
                            cursor = t.skipping(cursor)
                            continue
                        }
                        if isMapping { atValue.toggle() }
                        return t.resolved(i)
                    }
                    return nil
                }
            }
        }
    }
}

/// One node of a composed document, with the place it was written: the handle
/// the plan and progress readers pass around. Always a scalar, a sequence or a
/// mapping, never an alias (an alias is read as the node it names).
struct YAMLNode {
    /// The tree, not retained: see `owner`. Read through
    /// `_withUnsafeGuaranteedRef`, which retains nothing either.
    let ref: Unmanaged<YAMLTree>
    /// The tree again, retained, in the nodes that keep it alive: the composer's
    /// root and the nodes of `NodeReader.fields(of:known:what:)` and
    /// `items(of:what:)`. Nodes from the readers' views (`KnownFields`, `Items`)
    /// leave it nil, so that walking a tree of millions of nodes retains
    /// nothing (an atomic increment and decrement per node, a third of the
    /// reading time of a large plan); they are used only while a retaining node
    /// of their tree lives, which `PlanReader.read` ensures for its root.
    private let owner: YAMLTree?
    let index: Int

    /// A node that keeps its tree alive.
    init(tree: YAMLTree, index: Int) {
        self.ref = .passUnretained(tree)
        self.owner = tree
        self.index = tree.resolved(index)
    }

    /// A node that does not keep its tree alive.
    init(borrowing ref: Unmanaged<YAMLTree>, index: Int) {
        self.ref = ref
        self.owner = nil
        self.index = ref._withUnsafeGuaranteedRef { $0.resolved(index) }
    }

    /// The tree, retained for the caller (for code off the hot paths).
    var tree: YAMLTree { ref.takeUnretainedValue() }

    /// Calls `body` with the tree, retaining nothing.
    @inline(__always) func withTree<R>(_ body: (YAMLTree) throws -> R) rethrows -> R {
        try ref._withUnsafeGuaranteedRef(body)
    }

    var kind: YAMLTree.Kind { withTree { $0.nodes[index].kind } }
    var isScalar: Bool { kind == .scalar }
    var isMapping: Bool { kind == .mapping }
    var isSequence: Bool { kind == .sequence }

    var location: SourceLocation { withTree { $0.location(index) } }

    /// The text of a scalar.
    var string: String { withTree { $0.string(index) } }

    /// Calls `body` with the UTF-8 bytes of this scalar, without copying them.
    @inline(__always) func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withTree { try $0.withBytes(of: index, body) }
    }

    /// The children of this collection (see `YAMLTree.children(of:)`).
    var children: YAMLTree.Children { YAMLTree.Children(tree: ref, index: index) }

    var kindDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar, .alias: return "'\(string)'"
        }
    }
}

/// The text of a document's scalars back to back, in one allocation that grows
/// by doubling. The composer appends each scalar's bytes once; the tree and the
/// reader read them in place. A class, so that the tree owns the memory and
/// frees it; reads and appends go through its pointer unchecked (the composer
/// appends only while it builds, and the tree only reads).
final class ScalarText {
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Appends `bytes`; where they start.
    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let start = count
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
        count += bytes.count
        return start
    }

    private func grow(to needed: Int) {
        let larger = max(needed, 2 * capacity)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        (base, capacity) = (moved, larger)
    }

    /// The bytes at `start..<start + count`; valid while this object lives.
    @inline(__always) func bytes(_ start: Int, _ count: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: count)
    }

    /// A copy of all the bytes (for tests).
    var array: [UInt8] { Array(bytes(0, count)) }
}
