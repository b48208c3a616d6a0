// Complaint intake (顾客投诉处理制度, WI/KF-007): routing, first receiver, record numbers. Pure.
export { routeComplaint, routingValue, routingComputeRules, checkRoutingRules, defaultRoutingRules, routingReasons, RoutingRulesError } from './routing.js';
export type { RoutingDecision, RoutingRule, RoutingRules } from './routing.js';
export { firstReceiverFor, withFirstReceiver } from './first-receiver.js';
export type { PersonRef, ActorLike } from './first-receiver.js';
export { fallbackRecordNumber, localIso } from './record-number.js';
export type { FallbackOptions } from './record-number.js';
export { startIntake, completeComplaint } from './intake.js';
export type { IntakeOptions, CompleteOptions, IntakeGap } from './intake.js';
export { complaintGuide, intakeGuide } from './guide.js';
export type { ComplaintGuide, ComplaintGuideNote, IntakeGuide } from './guide.js';
export { complaintFormSchema, intakeUiSchema, readUiSchema, intakeValidator, usableOffices, ELEMENT_FIELDS } from './form.js';
export { recordProblems } from './record-problems.js';
export type { IntakeOffice, ReadGroupTitles } from './form.js';
export { loadComplaintFormData } from './form-data.js';
export type { ComplaintFormData } from './form-data.js';
