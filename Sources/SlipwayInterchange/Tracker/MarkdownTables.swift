import SlipwayCore

/// Tables as the main content of a Markdown plan: a header row whose name column
/// (Risk, Blocker, Ticket, Task, Item, Milestone, Initiative, Epic, or Name with
/// plan columns beside it) says what each row is; one row, one item. Columns with
/// no place in a plan are named once per table.
extension MarkdownPlanReader {
    /// Opens a table: mapped when a column names its items.
    static func startTable(_ header: [String], line: Int, section: Int?, phase: Int?, _ doc: inout MarkdownPlanDocument) -> Int {
        var table = MarkdownPlanDocument.Table(line: line, header: header, section: section)
        let sectionRisk = section.map { doc.sections[$0].isRisk } ?? false
        for (i, h) in header.enumerated() where table.nameColumn == nil {
            if let kind = MarkdownVocabulary.nameColumn(h), MarkdownVocabulary.field(h) != .owner, MarkdownVocabulary.field(h) != .status,
               MarkdownVocabulary.field(h) != .id, !h.lowercased().contains("date") && !h.lowercased().contains("level") && !h.lowercased().contains("owner") {
                table.nameColumn = i
                table.isConstraint = kind.isConstraint || sectionRisk && !kind.isMilestone && !["task", "tasks", "ticket"].contains(h.lowercased())
            }
        }
        if table.nameColumn == nil, let i = header.firstIndex(where: { ["name", "title", "description", "summary", "what"].contains(MarkdownVocabulary.plain($0).lowercased()) }),
           header.contains(where: { [.owner, .estimate, .target, .severity, .status, .dependencies].contains(MarkdownVocabulary.field($0)) }) {
            table.nameColumn = i
            table.isConstraint = sectionRisk
        }
        if table.nameColumn != nil {
            table.ignored = header.enumerated().filter { $0.offset != table.nameColumn && MarkdownVocabulary.field($0.element) == nil }.map(\.element)
        } else if doc.nearMisses.count < 5 {
            doc.nearMisses.append(("a table with the columns \(header.prefix(4).map { "'\($0)'" }.joined(separator: ", "))", line))
        }
        table.pointsColumn = header.contains { $0.lowercased().contains("point") || $0.lowercased() == "sp" }
        doc.tables.append(table)
        return doc.tables.count - 1
    }

    static func readRow(_ cells: [String], line: Int, table t: Int, phase: Int?, section: Int?, _ doc: inout MarkdownPlanDocument) {
        let table = doc.tables[t]
        guard let nameColumn = table.nameColumn else { return }
        let name = nameColumn < cells.count ? itemName(cells[nameColumn]) : ""
        guard !name.isEmpty else { doc.tables[t].problems.append(("a row without a name", line)); return }
        let isMilestone = MarkdownVocabulary.nameColumn(table.header[nameColumn])?.isMilestone ?? false
        var item = MarkdownPlanDocument.Item(kind: table.isConstraint ? .constraint : isMilestone ? .milestone : .task, name: name, line: line, level: 7)
        item.phase = phase
        item.section = section
        item.table = t
        if table.isConstraint == false, let s = MarkdownVocabulary.headingSeverity(cells[nameColumn]) { item.severity = s }
        if table.isConstraint, let s = MarkdownVocabulary.headingSeverity(cells[nameColumn]) { item.severity = s }
        for (i, header) in table.header.enumerated() where i != nameColumn && i < cells.count {
            let value = cells[i]
            guard !value.isEmpty, let meaning = MarkdownVocabulary.field(header) else { continue }
            if meaning == .id { item.label = MarkdownVocabulary.plain(value); continue }
            if meaning == .phase, phase == nil { item.notes.append("\(header): \(value)"); continue }
            apply(meaning, key: header, value: value, to: &item)
            if meaning == .estimate, item.estimate == nil { doc.tables[t].problems.append(("\(header) '\(value)'", line)) }
        }
        if item.kind == .milestone, item.estimate != nil { item.kind = .task }
        doc.items.append(item)
        doc.tables[t].rows += 1
    }
}
