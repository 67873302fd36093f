import Testing
import SlipwayCore
import SlipwayScheduling
@testable import SlipwayReports
