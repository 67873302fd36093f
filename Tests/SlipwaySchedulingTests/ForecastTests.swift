import Testing
import SlipwayCore
@testable import SlipwayScheduling
