import SlipwayEngine
import SlipwayCore
import SlipwayScheduling

/// The machine-readable schedule of section 4 of the plan-format contract.
///
/// Keys of the contract come first and in its order; the extra keys after them
/// (`title`, `owner`, `phase`, ...) may be added to but never renamed.
public enum ScheduleJSON {
    /// - Complexity: O(*T* + *C*) in the number of tasks and constraints.
    public static func render(plan: Plan, schedule: Schedule) -> String {
        var w = JSONWriter()
        let timing = schedule.timing
        w.beginObject()
        w.value("plan", plan.title)
        // Machine output is always in weeks from t = 0, whatever the plan's `unit`.
        w.value("unit", "week")
        w.value("finish", timing.finish)
        w.value("deadline", plan.deadline)
        w.beginArray("tasks")
        for i in schedule.taskOrder {
            let task = plan.tasks[i]
            w.beginObject()
            w.value("id", task.id)
            w.value("duration", schedule.duration(i))
            w.value("earlyStart", timing.earlyStart[i])
            w.value("earlyFinish", timing.earlyFinish[i])
            w.value("lateStart", timing.lateStart[i])
            w.value("lateFinish", timing.lateFinish[i])
            w.value("totalFloat", timing.totalFloat[i])
            w.value("freeFloat", timing.freeFloat[i])
            w.value("critical", timing.isCritical(i))
            w.value("title", task.title)
            w.value("milestone", task.isMilestone)
            w.value("owner", task.owner)
            w.value("phase", task.phase)
            w.value("constraint", task.constraint.map { plan.constraints[$0].id })
            w.value("due", task.due)
            let lateBy = schedule.lateBy(task: i, in: plan)
            w.value("late", lateBy != nil)
            w.value("lateBy", lateBy)
            if let leveling = schedule.leveling {
                w.value("levelingDelay", timing.earlyStart[i] - leveling.unleveledStart[i])
                // The owner a leveled task waited for and the tasks it waited behind (null when it did not wait).
                if let wait = schedule.wait(of: i) {
                    w.beginObject("waitedFor")
                    w.value("owner", plan.owners[wait.owner].id)
                    w.beginArray("tasks")
                    for b in wait.behind { w.value(nil, plan.tasks[b].id) }
                    w.endArray()
                    w.endObject()
                } else {
                    w.value("waitedFor", nil as String?)
                }
            }
            w.endObject()
        }
        w.endArray()
        w.beginArray("criticalPath")
        for i in schedule.criticalPath { w.value(nil, plan.tasks[i].id) }
        w.endArray()
        w.beginArray("constraints")
        for r in schedule.resolutions {
            let c = plan.constraints[r.constraint]
            w.beginObject()
            w.value("id", c.id)
            w.value("resolved", r.resolved)
            w.value("target", r.target)
            w.value("late", r.late)
            w.value("lateBy", r.lateBy)
            w.value("severity", c.severity?.rawValue)
            w.endObject()
        }
        w.endArray()
        w.value("start", plan.calendar.start?.description)
        w.value("lateBy", plan.deadline.flatMap { d in timing.finish - d > Timing.criticalTolerance ? timing.finish - d : nil })
        w.value("cost", schedule.cost.isKnown ? schedule.cost.total : nil)
        w.value("budget", plan.budget)
        w.value("leveled", schedule.leveling != nil)
        if let leveling = schedule.leveling { w.value("unleveledFinish", leveling.unleveledFinish) }
        w.endObject()
        return w.text + "\n"
    }
}
