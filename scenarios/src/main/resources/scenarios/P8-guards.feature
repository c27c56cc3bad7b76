Feature: P8 Guards
  Limits no table edit can lift. A customer compensated 3 times or more in the last 90 days gets no automatic
  money: remedies stay, compensation stays but waits for an agent's approval, and a senior agent handles it.
  No single compensation option is worth more than 50 % of the order value (a larger one is cut to 50 %, and the
  explanation says so). A refund never exceeds the affected value. A customer's own fault never yields money.

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

  # A calm late delivery scores 10, LOW: AUTO_RESOLVE unless a guard lifts the path.
  Scenario Outline: frequently compensated customers need an agent's approval
    When the complaint has:
      | compensations last 90 days | <compensations> |
    Then the decision has:
      | remedies        | REDELIVERY, FULL_REFUND           |
      | compensation    | VOUCHER, FREE_SHIPPING_NEXT_ORDER |
      | approval needed | <approval>                        |
      | path            | <path>                            |

    Examples:
      | compensations | approval | path         |
      | 0             | no       | AUTO_RESOLVE |
      | 2             | no       | AUTO_RESOLVE |
      | 3             | yes      | SENIOR_AGENT |
      | 7             | yes      | SENIOR_AGENT |

  Scenario: the explanation says why the approval is needed
    When the complaint has:
      | compensations last 90 days | 3 |
    Then the decision has:
      | approval needed      | yes      |
      | explanation mentions | approval |

  # Late delivery 10 + angry 20 = 30, MEDIUM: a voucher of 10 % and the shipping cost back.
  # A shipping cost of 8.00 on a 10.00 order is 80 % of it: cut to 50 %, 5.00.
  Scenario Outline: no compensation option is worth more than half the order
    When the complaint has:
      | emotion       | ANGRY           |
      | order value   | <order value>   |
      | currency      | <currency>      |
      | shipping cost | <shipping cost> |
    Then the decision has:
      | level                  | MEDIUM            |
      | SHIPPING_REFUND amount | <shipping refund> |
      | VOUCHER amount         | <voucher>         |

    Examples:
      | order value | currency | shipping cost | shipping refund | voucher | why                                               |
      | 10.00       | EUR      | 8.00          | 5.00            | 1.00    | 8.00 is above 5.00, half the order: cut           |
      | 10.00       | EUR      | 5.00          | 5.00            | 1.00    | exactly half: kept                                |
      | 100.00      | EUR      | 4.90          | 4.90            | 10.00   | well below half: kept                             |
      | 1,001       | JPY      | 800           | 500             | 100     | half is 500.5: half-even gives 500; 10 % is 100.1 |
      | 10.003      | KWD      | 8.000         | 5.002           | 1.000   | half is 5.0015: half-even gives 5.002             |

  Scenario: the explanation says when an option was cut
    When the complaint has:
      | emotion       | ANGRY |
      | order value   | 10.00 |
      | shipping cost | 8.00  |
    Then the decision has:
      | SHIPPING_REFUND amount | 5.00 |
      | explanation mentions   | 50 % |

  # The refunds are computed from the affected value, so they never exceed it.
  # Not delivered 35 + furious 30 + 5 days late 10 = 75, CRITICAL: 30 % of the affected value back.
  Scenario Outline: a refund never exceeds the affected value
    When the complaint has:
      | issue type     | NOT_DELIVERED    |
      | emotion        | FURIOUS          |
      | delay days     | 5                |
      | affected value | <affected value> |
    Then the decision has:
      | level                              | CRITICAL      |
      | remedy FULL_REFUND amount          | <full refund> |
      | compensation PARTIAL_REFUND amount | <partial>     |

    Examples:
      | affected value | full refund | partial |
      | 100.00         | 100.00      | 30.00   |
      | 60.00          | 60.00       | 18.00   |
      | 0.10           | 0.10        | 0.03    |

  Scenario Outline: a customer's own fault never yields money
    When the complaint has:
      | issue type     | <issue type> |
      | responsibility | CUSTOMER     |
      | emotion        | <emotion>    |
      | tier           | <tier>       |
    Then the decision has:
      | remedies     | none           |
      | compensation | <compensation> |

    Examples:
      | issue type        | emotion | tier    | compensation             |
      | NOT_DELIVERED     | FURIOUS | REGULAR | none                     |
      | BILLING_ERROR     | ANGRY   | VIP     | FREE_SHIPPING_NEXT_ORDER |
      | DEFECTIVE_PRODUCT | UPSET   | LOYAL   | FREE_SHIPPING_NEXT_ORDER |
