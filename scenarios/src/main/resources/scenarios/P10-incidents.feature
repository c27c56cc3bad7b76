Feature: P10 Incidents
  When the shop declares an incident that hit many customers at once, it sends the goodwill level decided for
  everyone affected. Compensation (and the gift at CRITICAL) then follow the higher of the customer's own level
  and the incident's, so nobody hit by the same incident gets less than the others. Escalation, response times
  and the follow-up survey still follow the customer's own level. The root cause is always reported.

  Background:
    Given a complaint:
      | issue type     | LATE_DELIVERY |
      | responsibility | SHOP          |
      | channel        | EMAIL         |
      | emotion        | CALM          |
      | order value    | 100.00        |
      | currency       | EUR           |
      | shipping cost  | 4.90          |
      | tier           | REGULAR       |
      | incident       | INC-42        |

  # A calm late delivery scores 10: the customer's own level is LOW.
  Scenario Outline: the incident's level raises the goodwill of a customer whose own level is lower
    When the complaint has:
      | incident level | <incident> |
    Then the decision has:
      | level                    | LOW            |
      | compensation             | <compensation> |
      | recommended compensation | <recommended>  |
      | actions include          | <include>      |
      | actions exclude          | <exclude>      |

    Examples:
      | incident | compensation                      | recommended    | include                      | exclude                     |
      | -        | VOUCHER, FREE_SHIPPING_NEXT_ORDER | VOUCHER        | ADMIT_FAULT                  | ROOT_CAUSE_REPORT           |
      | LOW      | VOUCHER, FREE_SHIPPING_NEXT_ORDER | VOUCHER        | ROOT_CAUSE_REPORT            | SEND_GIFT                   |
      | MEDIUM   | VOUCHER, SHIPPING_REFUND          | VOUCHER        | ROOT_CAUSE_REPORT            | SEND_GIFT                   |
      | HIGH     | VOUCHER, PARTIAL_REFUND           | VOUCHER        | ROOT_CAUSE_REPORT            | SEND_GIFT, FOLLOW_UP_SURVEY |
      | CRITICAL | PARTIAL_REFUND, VOUCHER           | PARTIAL_REFUND | ROOT_CAUSE_REPORT, SEND_GIFT | FOLLOW_UP_SURVEY            |

  Scenario: escalation and response times follow the customer's own level, not the incident's
    When the complaint has:
      | incident level | CRITICAL |
    Then the decision has:
      | score                  | 10           |
      | level                  | LOW          |
      | path                   | AUTO_RESOLVE |
      | first response minutes | 5            |
      | resolution hours       | 4            |
      | update every days      | 1            |
      | PARTIAL_REFUND amount  | 30.00        |
      | VOUCHER amount         | 35.00        |

  # Not delivered 35 + 15 days late 30 = 65: the customer's own level is HIGH.
  Scenario Outline: an incident level below the customer's own changes nothing
    When the complaint has:
      | issue type     | NOT_DELIVERED |
      | delay days     | 15            |
      | incident level | <incident>    |
    Then the decision has:
      | level           | HIGH                    |
      | compensation    | VOUCHER, PARTIAL_REFUND |
      | VOUCHER percent | 20                      |
      | path            | SENIOR_AGENT            |
      | actions include | FOLLOW_UP_SURVEY        |

    Examples:
      | incident |
      | LOW      |
      | MEDIUM   |
      | HIGH     |

  # Three customers of the same CRITICAL incident: whatever their own level, at least the incident's goodwill;
  # the tier bonus still adds to it.
  Scenario Outline: customers of the same incident get at least the incident's goodwill
    When the complaint has:
      | issue type     | <issue type> |
      | emotion        | <emotion>    |
      | tier           | <tier>       |
      | incident level | CRITICAL     |
    Then the decision has:
      | level                  | <level>   |
      | PARTIAL_REFUND percent | <partial> |
      | VOUCHER percent        | <voucher> |
      | actions include        | SEND_GIFT |

    Examples:
      | issue type        | emotion | tier    | level | partial | voucher |
      | LATE_DELIVERY     | CALM    | REGULAR | LOW   | 30      | 35      |
      | DEFECTIVE_PRODUCT | ANGRY   | LOYAL   | HIGH  | 35      | 40      |
      | NOT_DELIVERED     | FURIOUS | VIP     | HIGH  | 40      | 45      |
