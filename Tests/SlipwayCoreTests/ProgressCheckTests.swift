import Testing
@testable import SlipwayCore
