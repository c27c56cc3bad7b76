Feature: P2 Responsibility
  The customer never hears that someone else is to blame: a carrier's or a supplier's fault is the shop's own,
  and an unknown cause is treated as the shop's until shown otherwise. When the customer caused the problem,
  there is no money and no voucher, the agent explains the policy, and loyal and VIP customers still get free
  shipping on their next order as a goodwill gesture.
  Reading of "no remedies beyond the normal return policy": the decision offers no remedies at all on customer
  fault; what the return policy allows anyway is what the agent explains (EXPLAIN_POLICY).

  Background:
    Given a complaint:
      | issue type          | DEFECTIVE_PRODUCT |
      | responsibility      | SHOP              |
      | channel             | EMAIL             |
      | emotion             | CALM              |
      | days since delivery | 3                 |
      | order value         | 100.00            |
      | currency            | EUR               |
      | shipping cost       | 4.90              |
      | tier                | REGULAR           |

  # A defective product, calm, first contact: 30 points, MEDIUM.
  Scenario Outline: a carrier's, a supplier's or an unknown fault is handled as the shop's own
    When the complaint has:
      | responsibility | <responsibility> |
    Then the decision has:
      | remedies        | REPLACEMENT, FULL_REFUND |
      | compensation    | VOUCHER, SHIPPING_REFUND |
      | actions include | <actions include>        |
      | actions exclude | <actions exclude>        |

    Examples:
      | responsibility | actions include                | actions exclude                   |
      | SHOP           | ADMIT_FAULT                    | ROOT_CAUSE_REPORT, EXPLAIN_POLICY |
      | CARRIER        | ADMIT_FAULT, ROOT_CAUSE_REPORT | EXPLAIN_POLICY                    |
      | SUPPLIER       | ADMIT_FAULT, ROOT_CAUSE_REPORT | EXPLAIN_POLICY                    |
      | UNKNOWN        | ADMIT_FAULT                    | ROOT_CAUSE_REPORT, EXPLAIN_POLICY |

  Scenario Outline: the customer's own fault yields no money, only free shipping for loyal and VIP customers
    When the complaint has:
      | responsibility | CUSTOMER  |
      | issue type     | <issue>   |
      | emotion        | <emotion> |
      | tier           | <tier>    |
    Then the decision has:
      | level           | <level>                |
      | remedies        | <remedies>             |
      | compensation    | <compensation>         |
      | actions include | EXPLAIN_POLICY         |
      | actions exclude | ADMIT_FAULT, SEND_GIFT |

    Examples:
      | issue             | emotion | tier    | level  | remedies | compensation             |
      | DEFECTIVE_PRODUCT | CALM    | NEW     | MEDIUM | none     | none                     |
      | DEFECTIVE_PRODUCT | CALM    | REGULAR | MEDIUM | none     | none                     |
      | DEFECTIVE_PRODUCT | CALM    | LOYAL   | MEDIUM | none     | FREE_SHIPPING_NEXT_ORDER |
      | DEFECTIVE_PRODUCT | CALM    | VIP     | MEDIUM | none     | FREE_SHIPPING_NEXT_ORDER |
      | PRICE_DISPUTE     | CALM    | REGULAR | LOW    | none     | none                     |
      | PRICE_DISPUTE     | ANGRY   | VIP     | MEDIUM | none     | FREE_SHIPPING_NEXT_ORDER |

  # 30 (defective) + 30 (furious) + 20 (third contact) + 15 (public) = 95: CRITICAL, and still no money or gift.
  Scenario: a furious customer at fault gets no money even at CRITICAL
    When the complaint has:
      | responsibility | CUSTOMER |
      | emotion        | FURIOUS  |
      | contact count  | 3        |
      | public         | yes      |
      | tier           | VIP      |
    Then the decision has:
      | score                           | 95                              |
      | level                           | CRITICAL                        |
      | remedies                        | none                            |
      | compensation                    | FREE_SHIPPING_NEXT_ORDER        |
      | FREE_SHIPPING_NEXT_ORDER amount | none                            |
      | actions exclude                 | SEND_GIFT, ADMIT_FAULT          |
      | explanation mentions            | the customer caused the problem |

  # A late delivery, angry: 10 + 20 = 30, MEDIUM; the MEDIUM row offers the shipping cost back.
  Scenario Outline: the shipping cost is refunded only when the shop side caused the problem
    When the complaint has:
      | issue type     | LATE_DELIVERY    |
      | emotion        | ANGRY            |
      | responsibility | <responsibility> |
      | tier           | LOYAL            |
    Then the decision has:
      | level        | MEDIUM         |
      | compensation | <compensation> |

    Examples:
      | responsibility | compensation             |
      | CARRIER        | VOUCHER, SHIPPING_REFUND |
      | CUSTOMER       | FREE_SHIPPING_NEXT_ORDER |
