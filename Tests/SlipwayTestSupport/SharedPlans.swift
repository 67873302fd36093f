/// Plans that several test targets share, written once: the buffer charts and the
/// buffer sizes are checked on one plan, the slip trend and the review's changes on another.
public enum SharedPlans {
    public static let buffers = """
        plan: Buffers
        deadline: 13w
        tasks:
          - {id: a, duration: 2-6w}
          - {id: b, duration: 1-3w, after: [a]}
          - {id: c, duration: 1-2w}
          - {id: d, duration: 2w, after: [c]}
          - {id: f, duration: 1-5w, after: ["a SS+2.5w"]}
          - {id: e, duration: 3-7w, after: [b, d, f]}
          - {id: end, milestone: true, after: [e]}
        """
    public static let tracked = """
        plan: Tracked
        start: 2025-01-13
        deadline: 6w
        owners: [{id: dev}, {id: ops}]
        tasks:
          - {id: design, duration: 2w, owner: dev}
          - {id: build, duration: 2w, owner: dev, after: [design]}
          - {id: deploy, duration: 1w, owner: ops, after: [build]}
          - {id: docs, duration: 1w, owner: ops}
          - {id: done, milestone: true, after: [deploy, docs]}
        """
}
