// The enumerations of the decision request, copied by hand from api-spec/.../complaint-decisions.yaml
// (IssueType, Responsibility, Channel, Emotion, Tier, Level). Keep them in step with the API when it changes.
export const ISSUE_TYPES = ['LATE_DELIVERY', 'NOT_DELIVERED', 'DEFECTIVE_PRODUCT', 'DAMAGED_IN_TRANSIT', 'WRONG_ITEM',
  'MISSING_ITEM', 'PRICE_DISPUTE', 'REFUND_DELAY', 'SERVICE_COMPLAINT', 'BILLING_ERROR', 'OTHER'];
export const RESPONSIBILITIES = ['SHOP', 'CARRIER', 'SUPPLIER', 'CUSTOMER', 'UNKNOWN'];
export const CHANNELS = ['EMAIL', 'PHONE', 'CHAT', 'SOCIAL_MEDIA', 'REVIEW_SITE', 'MARKETPLACE'];
export const EMOTIONS = ['CALM', 'UPSET', 'ANGRY', 'FURIOUS'];
export const TIERS = ['NEW', 'REGULAR', 'LOYAL', 'VIP'];
export const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Words for the values, shown in the dropdowns next to the API's names. */
export function words(value) {
  return value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
}
