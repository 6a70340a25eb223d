// Reference data seeded on first start: the five Trust Services categories, all 61 official
// criteria, and the 23 baseline controls from the SOC 2 AI controls guide
// (shared/reference/soc2-ai-controls-guide.txt) with a reasoned default criteria mapping and
// frequency. Pure data: no imports. The seed inserts what is missing and never overwrites a
// team's edits. See docs/control-mapping.md for the mapping in readable form.

export type CategoryCode = "SECURITY" | "AVAILABILITY" | "PROCESSING_INTEGRITY" | "CONFIDENTIALITY" | "PRIVACY";

export type Frequency = "PER_EVENT" | "DAILY" | "WEEKLY" | "MONTHLY" | "QUARTERLY" | "SEMI_ANNUAL" | "ANNUAL" | "VALIDITY";

export interface CategoryData {
  code: CategoryCode;
  name: string;
  description: string;
  mandatory: boolean;
  sortOrder: number;
}

export interface CriterionData {
  id: string;
  category: CategoryCode;
  title: string;
  sortOrder: number;
}

export interface ControlData {
  code: string;
  title: string;
  description: string;
  category: CategoryCode;
  expectedEvidence: string;
  frequency: Frequency;
  criteria: string[];
  mappingRationale: string;
}

export const categories: CategoryData[] = [
  {
    code: "SECURITY",
    name: "Security",
    description:
      "Systems and data are protected against unauthorized access and disclosure; for AI this means access control over model endpoints, provider credentials, prompt logs and training data.",
    mandatory: true,
    sortOrder: 1,
  },
  {
    code: "AVAILABILITY",
    name: "Availability",
    description:
      "Systems are available for operation and use as committed, including the dependency on model providers, their uptime and the fallbacks when they fail.",
    mandatory: false,
    sortOrder: 2,
  },
  {
    code: "PROCESSING_INTEGRITY",
    name: "Processing Integrity",
    description:
      "System processing is complete, valid, accurate, timely and authorized, which for AI covers model and prompt changes, evaluation and the validity of generated outputs.",
    mandatory: false,
    sortOrder: 3,
  },
  {
    code: "CONFIDENTIALITY",
    name: "Confidentiality",
    description:
      "Information designated confidential is identified, protected and disposed of as committed, including customer data placed in prompts and handled by model vendors.",
    mandatory: false,
    sortOrder: 4,
  },
  {
    code: "PRIVACY",
    name: "Privacy",
    description:
      "Personal information is collected, used, retained, disclosed and disposed of in line with the entity's privacy commitments, including PII in prompts and user data used for training.",
    mandatory: false,
    sortOrder: 5,
  },
];

// Official criterion IDs (AICPA 2017 Trust Services Criteria, revised points of focus 2022): all 61,
// with short titles in our own words. sortOrder is global so criteria sort across categories.
export const criteria: CriterionData[] = [
  // Security, the common criteria: control environment (CC1)
  { id: "CC1.1", category: "SECURITY", title: "Leadership shows commitment to integrity and ethical values", sortOrder: 1 },
  { id: "CC1.2", category: "SECURITY", title: "The board is independent of management and oversees internal control", sortOrder: 2 },
  {
    id: "CC1.3",
    category: "SECURITY",
    title: "Management sets structures, reporting lines, authority and responsibility under board oversight",
    sortOrder: 3,
  },
  {
    id: "CC1.4",
    category: "SECURITY",
    title: "Competent people are attracted, developed and retained in line with objectives",
    sortOrder: 4,
  },
  { id: "CC1.5", category: "SECURITY", title: "People are held accountable for their internal control responsibilities", sortOrder: 5 },
  // Information and communication (CC2)
  {
    id: "CC2.1",
    category: "SECURITY",
    title: "Relevant, good-quality information is obtained or produced to support internal control",
    sortOrder: 6,
  },
  { id: "CC2.2", category: "SECURITY", title: "Control objectives and responsibilities are communicated inside the entity", sortOrder: 7 },
  {
    id: "CC2.3",
    category: "SECURITY",
    title: "Matters affecting internal control, including commitments, are communicated to external parties",
    sortOrder: 8,
  },
  // Risk assessment (CC3)
  {
    id: "CC3.1",
    category: "SECURITY",
    title: "Objectives are specified clearly enough for their risks to be identified and assessed",
    sortOrder: 9,
  },
  { id: "CC3.2", category: "SECURITY", title: "Risks to objectives are identified and analysed across the entity", sortOrder: 10 },
  { id: "CC3.3", category: "SECURITY", title: "The potential for fraud is considered when risks are assessed", sortOrder: 11 },
  {
    id: "CC3.4",
    category: "SECURITY",
    title: "Changes that could significantly affect internal control are identified and assessed",
    sortOrder: 12,
  },
  // Monitoring activities (CC4)
  {
    id: "CC4.1",
    category: "SECURITY",
    title: "Ongoing or separate evaluations confirm that controls are present and functioning",
    sortOrder: 13,
  },
  {
    id: "CC4.2",
    category: "SECURITY",
    title: "Control deficiencies are evaluated and reported in time to those who must act",
    sortOrder: 14,
  },
  // Control activities (CC5)
  {
    id: "CC5.1",
    category: "SECURITY",
    title: "Control activities are chosen and developed to bring risks down to acceptable levels",
    sortOrder: 15,
  },
  { id: "CC5.2", category: "SECURITY", title: "General control activities over technology are chosen and developed", sortOrder: 16 },
  {
    id: "CC5.3",
    category: "SECURITY",
    title: "Control activities are deployed through policies and the procedures that carry them out",
    sortOrder: 17,
  },
  // Logical and physical access controls (CC6)
  { id: "CC6.1", category: "SECURITY", title: "Logical access security software, infrastructure and architectures", sortOrder: 18 },
  {
    id: "CC6.2",
    category: "SECURITY",
    title: "Registration and authorization of users before credentials are issued, and removal when no longer authorized",
    sortOrder: 19,
  },
  {
    id: "CC6.3",
    category: "SECURITY",
    title: "Role-based granting, changing and removal of access (least privilege, segregation of duties)",
    sortOrder: 20,
  },
  {
    id: "CC6.4",
    category: "SECURITY",
    title: "Physical access to facilities and protected assets restricted to authorized personnel",
    sortOrder: 21,
  },
  {
    id: "CC6.5",
    category: "SECURITY",
    title: "Protections over physical assets discontinued only once data can no longer be recovered",
    sortOrder: 22,
  },
  {
    id: "CC6.6",
    category: "SECURITY",
    title: "Logical access security measures against threats from outside the system boundaries",
    sortOrder: 23,
  },
  {
    id: "CC6.7",
    category: "SECURITY",
    title: "Restriction and protection of information in transmission, movement and removal",
    sortOrder: 24,
  },
  { id: "CC6.8", category: "SECURITY", title: "Prevention or detection of unauthorized or malicious software", sortOrder: 25 },
  // System operations: monitoring, incidents and recovery (CC7)
  {
    id: "CC7.1",
    category: "SECURITY",
    title: "Configuration changes and newly discovered vulnerabilities are detected and monitored",
    sortOrder: 26,
  },
  {
    id: "CC7.2",
    category: "SECURITY",
    title: "System components are monitored for anomalies that signal attacks, errors or failures",
    sortOrder: 27,
  },
  { id: "CC7.3", category: "SECURITY", title: "Security events are evaluated to decide whether they are incidents", sortOrder: 28 },
  {
    id: "CC7.4",
    category: "SECURITY",
    title: "Identified security incidents are responded to under a defined response programme",
    sortOrder: 29,
  },
  {
    id: "CC7.5",
    category: "SECURITY",
    title: "Activities to recover from identified security incidents are put in place and carried out",
    sortOrder: 30,
  },
  // Change management (CC8)
  {
    id: "CC8.1",
    category: "SECURITY",
    title: "Changes to infrastructure, data, software and procedures are authorized, designed, tested, approved and implemented",
    sortOrder: 31,
  },
  // Risk mitigation: business disruption and vendors (CC9)
  { id: "CC9.1", category: "SECURITY", title: "Risks of business disruption are identified and mitigated", sortOrder: 32 },
  { id: "CC9.2", category: "SECURITY", title: "Risks from vendors and business partners are assessed and managed", sortOrder: 33 },
  // Availability
  {
    id: "A1.1",
    category: "AVAILABILITY",
    title: "Capacity management: processing capacity and usage maintained, monitored and evaluated",
    sortOrder: 34,
  },
  {
    id: "A1.2",
    category: "AVAILABILITY",
    title: "Environmental protections, software, data backup and recovery infrastructure",
    sortOrder: 35,
  },
  { id: "A1.3", category: "AVAILABILITY", title: "Testing of recovery plan procedures", sortOrder: 36 },
  // Processing Integrity
  {
    id: "PI1.1",
    category: "PROCESSING_INTEGRITY",
    title: "Definitions of data processed and product and service specifications",
    sortOrder: 37,
  },
  {
    id: "PI1.2",
    category: "PROCESSING_INTEGRITY",
    title: "Policies and procedures over system inputs, including completeness and accuracy",
    sortOrder: 38,
  },
  { id: "PI1.3", category: "PROCESSING_INTEGRITY", title: "Policies and procedures over system processing", sortOrder: 39 },
  {
    id: "PI1.4",
    category: "PROCESSING_INTEGRITY",
    title: "Outputs made available or delivered completely, accurately and on time to specification",
    sortOrder: 40,
  },
  {
    id: "PI1.5",
    category: "PROCESSING_INTEGRITY",
    title: "Storage of inputs, items in processing and outputs completely, accurately and on time",
    sortOrder: 41,
  },
  // Confidentiality
  { id: "C1.1", category: "CONFIDENTIALITY", title: "Identification and maintenance of confidential information", sortOrder: 42 },
  { id: "C1.2", category: "CONFIDENTIALITY", title: "Disposal of confidential information", sortOrder: 43 },
  // Privacy
  { id: "P1.1", category: "PRIVACY", title: "Notice to data subjects about privacy practices, kept current", sortOrder: 44 },
  {
    id: "P2.1",
    category: "PRIVACY",
    title: "Communication of choices and obtaining consent for collection, use, retention, disclosure and disposal",
    sortOrder: 45,
  },
  { id: "P3.1", category: "PRIVACY", title: "Collection of personal information consistent with privacy objectives", sortOrder: 46 },
  { id: "P3.2", category: "PRIVACY", title: "Explicit consent communicated and obtained before collection where required", sortOrder: 47 },
  { id: "P4.1", category: "PRIVACY", title: "Use of personal information limited to the identified purposes", sortOrder: 48 },
  { id: "P4.2", category: "PRIVACY", title: "Retention of personal information consistent with privacy objectives", sortOrder: 49 },
  { id: "P4.3", category: "PRIVACY", title: "Secure disposal of personal information", sortOrder: 50 },
  { id: "P5.1", category: "PRIVACY", title: "Data subject access to, and copies of, their stored personal information", sortOrder: 51 },
  {
    id: "P5.2",
    category: "PRIVACY",
    title: "Correction, amendment or appending of personal information at a data subject's request",
    sortOrder: 52,
  },
  { id: "P6.1", category: "PRIVACY", title: "Disclosure of personal information to third parties with consent", sortOrder: 53 },
  { id: "P6.2", category: "PRIVACY", title: "Record of authorized disclosures of personal information", sortOrder: 54 },
  { id: "P6.3", category: "PRIVACY", title: "Record of detected or reported unauthorized disclosures, including breaches", sortOrder: 55 },
  {
    id: "P6.4",
    category: "PRIVACY",
    title: "Privacy commitments obtained from vendors and third parties, and their compliance assessed",
    sortOrder: 56,
  },
  { id: "P6.5", category: "PRIVACY", title: "Vendor and third-party commitments to report unauthorized disclosures", sortOrder: 57 },
  {
    id: "P6.6",
    category: "PRIVACY",
    title: "Notification of breaches and incidents to affected data subjects, regulators and others",
    sortOrder: 58,
  },
  {
    id: "P6.7",
    category: "PRIVACY",
    title: "Accounting of personal information held and disclosed, on a data subject's request",
    sortOrder: 59,
  },
  { id: "P7.1", category: "PRIVACY", title: "Quality: accurate, up-to-date, complete and relevant personal information", sortOrder: 60 },
  {
    id: "P8.1",
    category: "PRIVACY",
    title: "Handling of privacy inquiries, complaints and disputes, and monitoring of compliance",
    sortOrder: 61,
  },
];

export const controls: ControlData[] = [
  // ---------------------------------------------------------------- Security (CC6.x)
  {
    code: "AI-SEC-01",
    title: "LLM API key access and rotation",
    description: "Access to LLM API keys and provider credentials is restricted to authorized services and rotated on schedule",
    category: "SECURITY",
    expectedEvidence: "Secrets manager policy, rotation logs",
    frequency: "QUARTERLY",
    criteria: ["CC6.1", "CC6.3"],
    mappingRationale:
      "Provider keys are infrastructure credentials protected by logical access software (CC6.1) and granted only to the services that need them (CC6.3, least privilege). Quarterly: each quarter needs a rotation log and the current secrets-manager policy.",
  },
  {
    code: "AI-SEC-02",
    title: "Training data access control",
    description: "Access to training data and fine-tuning datasets is role-based and logged",
    category: "SECURITY",
    expectedEvidence: "IAM policies, CloudTrail, access reviews",
    frequency: "QUARTERLY",
    criteria: ["CC6.1", "CC6.3"],
    mappingRationale:
      "Role-based, logged access to datasets is logical access over protected assets (CC6.1) granted by role (CC6.3). Quarterly, in step with the access reviews and a CloudTrail extract for the quarter.",
  },
  {
    code: "AI-SEC-03",
    title: "Per-call auth on tool servers",
    description: "MCP/tool servers exposed to agents require authentication and authorization per call",
    category: "SECURITY",
    expectedEvidence: "Auth middleware code, integration tests, audit logs",
    frequency: "QUARTERLY",
    criteria: ["CC6.1", "CC6.3", "CC6.6"],
    mappingRationale:
      "Tool servers are an access point that agents (often outside the system boundary) call: authentication is CC6.1 and CC6.6, per-call authorization is CC6.3. Quarterly: a sample of audit logs and a passing integration-test run each quarter.",
  },
  {
    code: "AI-SEC-04",
    title: "Encryption of prompt logs",
    description: "Prompt/response logs containing customer data are encrypted at rest with customer-managed or provider-managed keys",
    category: "SECURITY",
    expectedEvidence: "KMS configuration, S3 bucket policies",
    frequency: "QUARTERLY",
    criteria: ["CC6.1", "C1.1"],
    mappingRationale:
      "Encryption at rest with managed keys is a CC6.1 point of focus, and it protects the confidential customer data in the logs (C1.1). Configuration evidence is re-captured quarterly to show it stayed in force.",
  },
  {
    code: "AI-SEC-05",
    title: "Quarterly AI access reviews",
    description: "AI components are included in quarterly access reviews",
    category: "SECURITY",
    expectedEvidence: "Access review worksheet, sign-off",
    frequency: "QUARTERLY",
    criteria: ["CC6.2", "CC6.3"],
    mappingRationale:
      "Periodic review of access roles is a CC6.3 point of focus, and removing access no longer authorized is CC6.2. Quarterly because the control itself says so; each signed-off access review is one quarter's evidence.",
  },
  // ---------------------------------------------------------------- Availability (A1.x)
  {
    code: "AI-AVL-01",
    title: "Model provider fallback strategies",
    description: "Model provider dependencies are documented with fallback strategies for each",
    category: "AVAILABILITY",
    expectedEvidence: "Architecture doc, LLM gateway config",
    frequency: "SEMI_ANNUAL",
    criteria: ["A1.1", "A1.2", "CC9.1"],
    mappingRationale:
      "Fallback routing is recovery infrastructure (A1.2) and absorbs provider quota and rate-limit exhaustion (A1.1 capacity). Semi-annual: the architecture doc and gateway config are re-validated twice a year, so every six-month Type II window holds a fresh review. Knowing each provider dependency and how to route around it is how the entity mitigates the risk of a provider disruption (CC9.1).",
  },
  {
    code: "AI-AVL-02",
    title: "Graceful degradation without LLM",
    description: "AI-dependent user journeys have graceful degradation when the LLM is unavailable",
    category: "AVAILABILITY",
    expectedEvidence: "Feature flag config, tested failure modes",
    frequency: "QUARTERLY",
    criteria: ["A1.2", "A1.3"],
    mappingRationale:
      "Degradation paths are software designed and maintained to meet availability objectives (A1.2), and testing the failure modes exercises recovery procedures (A1.3). Quarterly failure-mode tests keep pace with feature changes.",
  },
  {
    code: "AI-AVL-03",
    title: "Runbooks for LLM provider outages",
    description: "Incident response runbooks cover LLM provider outages",
    category: "AVAILABILITY",
    expectedEvidence: "Runbook, game day records",
    frequency: "ANNUAL",
    criteria: ["A1.2", "A1.3", "CC7.3", "CC7.4", "CC7.5"],
    mappingRationale:
      "The runbook is part of the recovery arrangements (A1.2) and the game day is the test of those recovery procedures (A1.3). Annual: one reviewed runbook and one game day or tabletop record per year. A provider outage is an incident: the runbook says how it is recognised (CC7.3), handled (CC7.4) and recovered from (CC7.5), and that is where auditors test incident response.",
  },
  {
    code: "AI-AVL-04",
    title: "LLM latency, error and cost SLOs",
    description: "Monitoring includes LLM latency, error rate, and cost SLOs",
    category: "AVAILABILITY",
    expectedEvidence: "Grafana dashboards, alert rules",
    frequency: "MONTHLY",
    criteria: ["A1.1", "CC7.2"],
    mappingRationale:
      "Monitoring latency, errors and spend against SLOs is the monitoring and evaluation of capacity and usage that A1.1 asks for. Monthly: a dashboard export and alert-rule snapshot per month shows the monitoring ran throughout. The same alerts are the monitoring of system components for anomalies that CC7.2 tests.",
  },
  // ---------------------------------------------------------------- Processing Integrity (PI1.x)
  {
    code: "AI-PI-01",
    title: "Model and prompt change management",
    description: "Model changes (base model upgrade, prompt changes, fine-tune updates) follow a documented change management process",
    category: "PROCESSING_INTEGRITY",
    expectedEvidence: "PR records, change advisory meeting notes",
    frequency: "PER_EVENT",
    criteria: ["PI1.1", "PI1.3", "CC8.1"],
    mappingRationale:
      "Models and prompts define how the system processes data (PI1.3) and are part of the product specification (PI1.1). Per event: every merged model or prompt change needs its own reviewed PR and approval. Auditors test every change to production software under CC8.1; a model or prompt change is such a change (the guide's Finding 1).",
  },
  {
    code: "AI-PI-02",
    title: "Regression eval before release",
    description: "Regression evaluation is run against a golden dataset before any material model change reaches production",
    category: "PROCESSING_INTEGRITY",
    expectedEvidence: "Eval harness, CI logs, evaluation reports",
    frequency: "PER_EVENT",
    criteria: ["PI1.3", "PI1.4", "CC8.1"],
    mappingRationale:
      "A golden-dataset eval checks that changed processing (PI1.3) still produces accurate output to specification (PI1.4). Per event: each change needs an eval report naming its commit or PR. Testing a change before it is approved and released is part of CC8.1 (the guide's Finding 2).",
  },
  {
    code: "AI-PI-03",
    title: "Schema validation of AI outputs",
    description: "Outputs used for automated decisions are validated against a schema and rejected if malformed",
    category: "PROCESSING_INTEGRITY",
    expectedEvidence: "Schema definitions, validation logs",
    frequency: "MONTHLY",
    criteria: ["PI1.1", "PI1.2", "PI1.4"],
    mappingRationale:
      "The schema defines the data (PI1.1); validation checks model output before it becomes input to a decision (PI1.2), and only complete, accurate output goes out (PI1.4). Monthly validation-log extracts show the check ran.",
  },
  {
    code: "AI-PI-04",
    title: "Hallucination and safety monitoring",
    description: "Hallucination and safety signals are monitored in production with alerting on regression",
    category: "PROCESSING_INTEGRITY",
    expectedEvidence: "Monitoring dashboards, alert config",
    frequency: "MONTHLY",
    criteria: ["PI1.3", "PI1.4", "CC7.2"],
    mappingRationale:
      "Production monitoring of output quality is oversight of processing (PI1.3) and of output accuracy (PI1.4). Monthly dashboard and alert snapshots show the monitoring ran. Alerting on regressions in production is monitoring for anomalies (CC7.2).",
  },
  {
    code: "AI-PI-05",
    title: "Human approval of irreversible actions",
    description: "Human oversight is required for irreversible actions generated by AI systems",
    category: "PROCESSING_INTEGRITY",
    expectedEvidence: "Workflow definitions, human review logs",
    frequency: "MONTHLY",
    criteria: ["PI1.3", "PI1.4"],
    mappingRationale:
      "A human gate is a processing control (PI1.3) that stops an inaccurate AI output from being acted on (PI1.4). Monthly samples of review logs show approvals happened throughout the period.",
  },
  // ---------------------------------------------------------------- Confidentiality (C1.x)
  {
    code: "AI-CONF-01",
    title: "Prompt scanning for secrets and PII",
    description: "Sensitive data categories are documented; prompts are scanned for secrets and PII before transmission",
    category: "CONFIDENTIALITY",
    expectedEvidence: "Data classification, DLP logs",
    frequency: "MONTHLY",
    criteria: ["C1.1", "CC6.7"],
    mappingRationale:
      "Data classification identifies confidential information (C1.1); scanning before the prompt leaves restricts what is sent to an external processor (CC6.7). Monthly redaction-count logs show the scanner ran over the period.",
  },
  {
    code: "AI-CONF-02",
    title: "Model provider DPAs",
    description: "Data Processing Agreements with model providers include appropriate zero-retention, training opt-out, and region clauses",
    category: "CONFIDENTIALITY",
    expectedEvidence: "Signed DPAs",
    frequency: "VALIDITY",
    criteria: ["C1.1", "C1.2", "P6.4", "CC9.2"],
    mappingRationale:
      "Zero-retention and opt-out clauses bind the vendor to protect (C1.1) and not keep (C1.2) confidential data, and a DPA is the privacy commitment obtained from a vendor (P6.4). Validity: a signed DPA must be in force every day of the period. Obtaining and reviewing the provider's DPA is vendor due diligence, which auditors test under CC9.2.",
  },
  {
    code: "AI-CONF-03",
    title: "Prompt log retention and deletion",
    description: "Prompt and response logs have defined retention periods and deletion workflows",
    category: "CONFIDENTIALITY",
    expectedEvidence: "Retention policy, lifecycle rules",
    frequency: "VALIDITY",
    criteria: ["C1.2", "P4.2", "P4.3"],
    mappingRationale:
      "Deletion workflows are disposal of confidential information (C1.2), and for personal data in logs they are retention (P4.2) and disposal (P4.3). Validity: the retention policy must be in force throughout the period.",
  },
  {
    code: "AI-CONF-04",
    title: "Tenant isolation in AI data",
    description: "Customer data is tenant-isolated in prompts, caches, and logs",
    category: "CONFIDENTIALITY",
    expectedEvidence: "Code review, penetration test",
    frequency: "ANNUAL",
    criteria: ["C1.1", "CC6.1"],
    mappingRationale:
      "Isolation maintains each customer's confidential data (C1.1) through logical segmentation (CC6.1). Annual: the penetration test that proves isolation is a yearly exercise, with code review evidence alongside.",
  },
  {
    code: "AI-CONF-05",
    title: "Confidentiality commitments in contracts",
    description: "Confidentiality commitments are reflected in customer contracts and internal policies",
    category: "CONFIDENTIALITY",
    expectedEvidence: "MSAs, policy docs",
    frequency: "VALIDITY",
    criteria: ["C1.1", "C1.2", "CC2.3"],
    mappingRationale:
      "Contracts and policies set the confidentiality objectives that C1.1 (identify and maintain) and C1.2 (dispose) are measured against. Validity: the current MSA template and policy must be in force throughout. Telling customers in contracts how their data and AI are handled is communication with external parties (CC2.3; the guide's Finding 7).",
  },
  // ---------------------------------------------------------------- Privacy (P1.x to P8.x)
  {
    code: "AI-PRIV-01",
    title: "AI interaction notice to users",
    description: "Users are notified when they interact with an AI system",
    category: "PRIVACY",
    expectedEvidence: "UI screenshots, product requirements",
    frequency: "QUARTERLY",
    criteria: ["P1.1", "CC2.3"],
    mappingRationale:
      "Telling users they are dealing with AI is notice about privacy practices (P1.1). Quarterly screenshots show the notice survived the quarter's UI releases. Disclosing AI use to the people who use the product is also communication with external parties (CC2.3).",
  },
  {
    code: "AI-PRIV-02",
    title: "DSARs cover AI records",
    description: "User requests to delete or export data include AI-generated records and associated prompt logs",
    category: "PRIVACY",
    expectedEvidence: "DSAR workflow, completion records",
    frequency: "QUARTERLY",
    criteria: ["P4.3", "P5.1", "P6.7"],
    mappingRationale:
      "Export gives data subjects access to and an accounting of what is held (P5.1, P6.7); deletion is disposal (P4.3). Quarterly rather than per request: requests are irregular, so each quarter needs completion records, or a nil return.",
  },
  {
    code: "AI-PRIV-03",
    title: "Consent for training on customer data",
    description: "Model training (if any) excludes customer data unless consent is obtained",
    category: "PRIVACY",
    expectedEvidence: "Training data manifest, consent records",
    frequency: "QUARTERLY",
    criteria: ["P2.1", "P3.2", "P4.1"],
    mappingRationale:
      "Using data for training needs choice and consent (P2.1, P3.2) and must stay within the identified purposes (P4.1). Quarterly review of the dataset manifest and consent records; per-event would demand them for every prompt change, not just fine-tunes.",
  },
  {
    code: "AI-PRIV-04",
    title: "Cross-border transfer safeguards",
    description: "Vendor DPAs cover cross-border data transfers with appropriate safeguards",
    category: "PRIVACY",
    expectedEvidence: "SCCs, transfer impact assessment",
    frequency: "VALIDITY",
    criteria: ["P6.1", "P6.4", "CC9.2"],
    mappingRationale:
      "Sending personal data to a foreign model provider is a disclosure to a third party (P6.1) governed by vendor privacy commitments (P6.4). Validity: SCCs must be in force every day of the period. Transfer safeguards are part of the due diligence on a model provider (CC9.2).",
  },
];

// Revisions of the reference data. An installation stores the revision it has (the Setting
// REFERENCE_REVISION_KEY); a start at a later revision adds that revision's criteria mappings to
// the guide's controls that already existed, exactly once, so a mapping a team removed
// afterwards stays removed. Revision 1 had the 36 criteria CC6, A, PI, C and P; revision 2 adds
// CC1-CC5 and CC7-CC9 and maps the controls auditors test there. A control created by the seed
// gets its full `criteria` above, which already include every revision's additions.
export const REFERENCE_REVISION = 2;
export const REFERENCE_REVISION_KEY = "referenceData.revision";

export const mappingRevisions: { revision: number; added: Record<string, string[]> }[] = [
  {
    revision: 2,
    added: {
      "AI-AVL-01": ["CC9.1"],
      "AI-AVL-03": ["CC7.3", "CC7.4", "CC7.5"],
      "AI-AVL-04": ["CC7.2"],
      "AI-PI-01": ["CC8.1"],
      "AI-PI-02": ["CC8.1"],
      "AI-PI-04": ["CC7.2"],
      "AI-CONF-02": ["CC9.2"],
      "AI-CONF-05": ["CC2.3"],
      "AI-PRIV-01": ["CC2.3"],
      "AI-PRIV-04": ["CC9.2"],
    },
  },
];
