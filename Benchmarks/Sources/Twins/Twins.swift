/// Hand-written twins of generated Waldur models with synthesized `Codable` and `Hashable`: the same
/// JSON keys and property types, the conformances the compiler writes. `bench-models` compares the
/// generated models against them. A module of their own, so neither side is inlined into the benchmark.
///
/// For example: `SynthesizedCallAssignmentConfiguration` decodes the JSON of `CallAssignmentConfiguration`.
import Docs2SwiftRuntime
import Foundation

public struct SynthesizedCallAssignmentConfiguration: Codable, Hashable, Sendable {
    public var uuid: UUID?
    public var call: URL?
    public var callUuid: UUID?
    public var callName: String?
    public var autoReassignOnDecline: Bool?
    public var maxAutoReassignAttempts: Int?
    public var assignmentExpirationDays: Int?
    public var sendReminderBeforeExpiryDays: Int?
    public var created: Date?
    public var modified: Date?

    enum CodingKeys: String, CodingKey {
        case uuid
        case call
        case callUuid = "call_uuid"
        case callName = "call_name"
        case autoReassignOnDecline = "auto_reassign_on_decline"
        case maxAutoReassignAttempts = "max_auto_reassign_attempts"
        case assignmentExpirationDays = "assignment_expiration_days"
        case sendReminderBeforeExpiryDays = "send_reminder_before_expiry_days"
        case created
        case modified
    }
}

public struct SynthesizedProject: Codable, Hashable, Sendable {
    public var url: URL?
    public var uuid: UUID?
    public var name: String?
    public var slug: String?
    public var customer: URL?
    public var customerUuid: UUID?
    public var customerName: String?
    public var customerSlug: String?
    public var customerNativeName: String?
    public var customerAbbreviation: String?
    public var description: String?
    public var customerDisplayBillingInfoInProjects: Bool?
    public var created: Date?
    public var type: URL?
    public var typeName: String?
    public var typeUuid: UUID?
    public var backendId: String?
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var endDateRequestedBy: URL?
    public var oecdFos2007Code: JSONValue?
    public var oecdFos2007Label: String?
    public var isIndustry: Bool?
    public var image: URL?
    public var resourcesCount: Int?
    public var maxServiceAccounts: Int?
    public var kind: JSONValue?
    public var isRemoved: Bool?
    public var terminationMetadata: JSONValue?
    public var staffNotes: String?
    public var gracePeriodDays: Int?
    public var userEmailPatterns: JSONValue?
    public var userAffiliations: JSONValue?
    public var userIdentitySources: JSONValue?
    public var projectCredit: Double?
    public var marketplaceResourceCount: [String: JSONValue]?
    public var billingPriceEstimate: JSONValue?

    enum CodingKeys: String, CodingKey {
        case url
        case uuid
        case name
        case slug
        case customer
        case customerUuid = "customer_uuid"
        case customerName = "customer_name"
        case customerSlug = "customer_slug"
        case customerNativeName = "customer_native_name"
        case customerAbbreviation = "customer_abbreviation"
        case description
        case customerDisplayBillingInfoInProjects = "customer_display_billing_info_in_projects"
        case created
        case type
        case typeName = "type_name"
        case typeUuid = "type_uuid"
        case backendId = "backend_id"
        case startDate = "start_date"
        case endDate = "end_date"
        case endDateRequestedBy = "end_date_requested_by"
        case oecdFos2007Code = "oecd_fos_2007_code"
        case oecdFos2007Label = "oecd_fos_2007_label"
        case isIndustry = "is_industry"
        case image
        case resourcesCount = "resources_count"
        case maxServiceAccounts = "max_service_accounts"
        case kind
        case isRemoved = "is_removed"
        case terminationMetadata = "termination_metadata"
        case staffNotes = "staff_notes"
        case gracePeriodDays = "grace_period_days"
        case userEmailPatterns = "user_email_patterns"
        case userAffiliations = "user_affiliations"
        case userIdentitySources = "user_identity_sources"
        case projectCredit = "project_credit"
        case marketplaceResourceCount = "marketplace_resource_count"
        case billingPriceEstimate = "billing_price_estimate"
    }
}
