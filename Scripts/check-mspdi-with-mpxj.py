#!/usr/bin/env python3
"""Reads a Slipway MS Project XML export with MPXJ, the library ProjectLibre (and
many other tools) import MS Project files with, and prints what it understood.

    pip install mpxj JPype1          # needs a Java runtime (openjdk)
    slipway export plans/aws-migration.yaml --format mspdi -o /tmp/aws.xml
    python3 Scripts/check-mspdi-with-mpxj.py /tmp/aws.xml

A manual check, not part of `make test`: it needs Java and two PyPI packages.
"""
import sys

import jpype
import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)

jpype.startJVM()
from org.mpxj.mspdi import MSPDIReader  # noqa: E402

project = MSPDIReader().read(sys.argv[1])
tasks = list(project.getTasks())
print(f"tasks {len(tasks)}, resources {len(list(project.getResources()))}, "
      f"assignments {len(list(project.getResourceAssignments()))}")
for task in tasks:
    links = [f"{link.getPredecessorTask().getID()} {link.getType()} {link.getLag()}" for link in task.getPredecessors()]
    print(f"{task.getID():>3} L{task.getOutlineLevel()} {str(task.getName())[:44]:<44} "
          f"{task.getStart()} .. {task.getFinish()} {task.getDuration()} "
          f"{'critical' if task.getCritical() else ''} baseline={task.getBaselineStart()} links={links}")
