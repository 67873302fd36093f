import SlipwayCore

/// The two forms of the pack.
public enum ReviewFormat: String, CaseIterable, Sendable {
    /// One self-contained page with every section and diagram.
    case html
    /// A summary for a pull request or a wiki page.
    case markdown

    public var fileExtension: String { self == .html ? "html" : "md" }

    /// `output/aws-migration-review.html` for `plans/aws-migration.yaml`.
    public func defaultPath(plan path: String, directory: String = "output") -> String {
        let base = path == "-" ? "plan" : FilePath.stem(of: path)
        return "\(directory)/\(base)-review.\(fileExtension)"
    }

    /// The text of the pack in this form.
    public func render(_ pack: ReviewPack) -> String {
        self == .html ? ReviewHTML.render(pack) : ReviewMarkdown.render(pack)
    }
}
