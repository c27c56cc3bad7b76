Feature: P1 Proportional compensation
  Compensation grows with the customer's dissatisfaction. The score is the sum of the points of every signal,
  clamped to 0-100; the level follows from the score (0-24 LOW, 25-49 MEDIUM, 50-74 HIGH, 75-100 CRITICAL), and
  the level picks the goodwill offered. LOYAL customers get 5 percentage points more on every percentage option,
  VIP customers 10.

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

  Scenario Outline: the score adds up the signals and decides the level
    When the complaint has:
      | issue type    | <issue type>    |
      | emotion       | <emotion>       |
      | delay days    | <delay days>    |
      | contact count | <contact count> |
      | public        | <public>        |
    Then the decision has:
      | score | <score> |
      | level | <level> |

    Examples:
      | issue type        | emotion | delay days | contact count | public | score | level    |
      | LATE_DELIVERY     | CALM    | 0          | 1             | no     | 10    | LOW      |
      | LATE_DELIVERY     | CALM    | 7          | 1             | no     | 24    | LOW      |
      | SERVICE_COMPLAINT | UPSET   | 0          | 1             | no     | 25    | MEDIUM   |
      | WRONG_ITEM        | CALM    | 12         | 1             | no     | 49    | MEDIUM   |
      | DEFECTIVE_PRODUCT | ANGRY   | 0          | 1             | no     | 50    | HIGH     |
      | DEFECTIVE_PRODUCT | ANGRY   | 2          | 3             | no     | 74    | HIGH     |
      | DEFECTIVE_PRODUCT | FURIOUS | 0          | 1             | yes    | 75    | CRITICAL |
      | REFUND_DELAY      | UPSET   | 0          | 2             | no     | 40    | MEDIUM   |
      | NOT_DELIVERED     | CALM    | 15         | 1             | no     | 65    | HIGH     |
      | NOT_DELIVERED     | CALM    | 40         | 1             | no     | 65    | HIGH     |
      | NOT_DELIVERED     | FURIOUS | 20         | 3             | yes    | 100   | CRITICAL |

  Scenario Outline: the level picks the goodwill, the first option recommended
    When the complaint has:
      | issue type | <issue type> |
      | emotion    | <emotion>    |
      | delay days | <delay days> |
    Then the decision has:
      | level                    | <level>                    |
      | compensation             | <compensation>             |
      | recommended compensation | <recommended compensation> |

    Examples:
      | issue type        | emotion | delay days | level    | compensation                      | recommended compensation |
      | LATE_DELIVERY     | UPSET   | 0          | LOW      | VOUCHER, FREE_SHIPPING_NEXT_ORDER | VOUCHER                  |
      | LATE_DELIVERY     | ANGRY   | 0          | MEDIUM   | VOUCHER, SHIPPING_REFUND          | VOUCHER                  |
      | DEFECTIVE_PRODUCT | ANGRY   | 0          | HIGH     | VOUCHER, PARTIAL_REFUND           | VOUCHER                  |
      | NOT_DELIVERED     | FURIOUS | 4          | HIGH     | VOUCHER, PARTIAL_REFUND           | VOUCHER                  |
      | NOT_DELIVERED     | FURIOUS | 5          | CRITICAL | PARTIAL_REFUND, VOUCHER           | PARTIAL_REFUND           |

  Scenario Outline: the amounts follow the level and the tier
    When the complaint has:
      | issue type     | <issue type>     |
      | emotion        | <emotion>        |
      | public         | <public>         |
      | tier           | <tier>           |
      | affected value | <affected value> |
    Then the decision has:
      | level                              | <level>          |
      | VOUCHER percent                    | <voucher %>      |
      | VOUCHER amount                     | <voucher>        |
      | compensation PARTIAL_REFUND amount | <partial refund> |

    Examples:
      | issue type        | emotion | public | tier    | affected value | level    | voucher % | voucher | partial refund |
      | DEFECTIVE_PRODUCT | ANGRY   | no     | REGULAR | -              | HIGH     | 20        | 20.00   | 15.00          |
      | DEFECTIVE_PRODUCT | ANGRY   | no     | LOYAL   | 60.00          | HIGH     | 25        | 25.00   | 12.00          |
      | DEFECTIVE_PRODUCT | ANGRY   | no     | VIP     | 60.00          | HIGH     | 30        | 30.00   | 15.00          |
      | DEFECTIVE_PRODUCT | FURIOUS | yes    | REGULAR | -              | CRITICAL | 35        | 35.00   | 30.00          |
      | DEFECTIVE_PRODUCT | FURIOUS | yes    | VIP     | 80.00          | CRITICAL | 45        | 45.00   | 32.00          |

  # Money is rounded half-even to the currency's minor unit: a half goes to the even neighbour.
  Scenario Outline: amounts are rounded half-even in the order's currency
    When the complaint has:
      | order value   | <order value> |
      | currency      | <currency>    |
      | shipping cost | 0             |
    Then the decision has:
      | level          | LOW       |
      | VOUCHER amount | <voucher> |

    Examples:
      | order value | currency | voucher | why                                        |
      | 100.10      | EUR      | 5.00    | 5 % is 5.005: rounds down to the even 5.00 |
      | 100.30      | EUR      | 5.02    | 5 % is 5.015: rounds up to the even 5.02   |
      | 1,250       | JPY      | 62      | 5 % is 62.5: yen have no decimals          |
      | 1,270       | JPY      | 64      | 5 % is 63.5                                |
      | 10.010      | KWD      | 0.500   | 5 % is 0.5005: dinars have 3 decimals      |
      | 10.030      | KWD      | 0.502   | 5 % is 0.5015                              |
