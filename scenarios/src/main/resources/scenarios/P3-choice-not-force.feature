Feature: P3 Choice, not force
  Whenever the shop side is responsible, the customer chooses: at least two options in all (remedies and
  compensation counted together), and each non-empty list recommends exactly one, the first of its table row.
  A single forced option is a defect. The agent is told to offer the choice.

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

  # Scores: late delivery 10 (+2 a day late); service complaint 15; refund delay 20; billing error 25;
  # price dispute 10; other 10; upset +10. 0-24 LOW, 25-49 MEDIUM.
  Scenario Outline: every shop-side complaint gets at least two options, one recommended per list
    When the complaint has:
      | issue type          | <issue type>          |
      | emotion             | <emotion>             |
      | delay days          | <delay days>          |
      | days since delivery | <days since delivery> |
    Then the decision has:
      | level                    | <level>                    |
      | remedies                 | <remedies>                 |
      | compensation             | <compensation>             |
      | recommended remedy       | <recommended remedy>       |
      | recommended compensation | <recommended compensation> |
      | actions include          | OFFER_CHOICE               |

    Examples:
      | issue type        | emotion | delay days | days since delivery | level  | remedies                 | compensation                      | recommended remedy | recommended compensation |
      | LATE_DELIVERY     | CALM    | 0          | -                   | LOW    | REDELIVERY, FULL_REFUND  | VOUCHER, FREE_SHIPPING_NEXT_ORDER | REDELIVERY         | VOUCHER                  |
      | LATE_DELIVERY     | CALM    | 7          | 2                   | LOW    | none                     | VOUCHER, FREE_SHIPPING_NEXT_ORDER | none               | VOUCHER                  |
      | OTHER             | CALM    | 7          | -                   | LOW    | none                     | VOUCHER, FREE_SHIPPING_NEXT_ORDER | none               | VOUCHER                  |
      | SERVICE_COMPLAINT | UPSET   | 0          | -                   | MEDIUM | none                     | VOUCHER, SHIPPING_REFUND          | none               | VOUCHER                  |
      | REFUND_DELAY      | CALM    | 0          | 5                   | LOW    | none                     | VOUCHER, FREE_SHIPPING_NEXT_ORDER | none               | VOUCHER                  |
      | PRICE_DISPUTE     | CALM    | 0          | 5                   | LOW    | PRICE_ADJUSTMENT         | VOUCHER, FREE_SHIPPING_NEXT_ORDER | PRICE_ADJUSTMENT   | VOUCHER                  |
      | BILLING_ERROR     | CALM    | 0          | 5                   | MEDIUM | PARTIAL_REFUND           | VOUCHER, SHIPPING_REFUND          | PARTIAL_REFUND     | VOUCHER                  |
      | NOT_DELIVERED     | UPSET   | 0          | -                   | MEDIUM | REPLACEMENT, FULL_REFUND | VOUCHER, SHIPPING_REFUND          | REPLACEMENT        | VOUCHER                  |

  # The MEDIUM row offers the shipping cost back; when shipping was free there is nothing to refund, so free
  # shipping on the next order takes its place and the customer still has two goodwill options.
  Scenario Outline: free shipping replaces a shipping refund when shipping was free
    When the complaint has:
      | issue type    | SERVICE_COMPLAINT |
      | emotion       | UPSET             |
      | shipping cost | <shipping cost>   |
    Then the decision has:
      | score        | 25             |
      | compensation | <compensation> |

    Examples:
      | shipping cost | compensation                      |
      | 4.90          | VOUCHER, SHIPPING_REFUND          |
      | 0             | VOUCHER, FREE_SHIPPING_NEXT_ORDER |
      | 0.00          | VOUCHER, FREE_SHIPPING_NEXT_ORDER |

  # 24 is still LOW, 25 is MEDIUM: the second goodwill option changes, the number of options does not.
  Scenario Outline: the options at the LOW/MEDIUM boundary
    When the complaint has:
      | issue type | <issue type> |
      | emotion    | <emotion>    |
      | delay days | <delay days> |
    Then the decision has:
      | score           | <score>        |
      | compensation    | <compensation> |
      | actions include | OFFER_CHOICE   |

    Examples:
      | issue type        | emotion | delay days | score | compensation                      |
      | LATE_DELIVERY     | CALM    | 7          | 24    | VOUCHER, FREE_SHIPPING_NEXT_ORDER |
      | SERVICE_COMPLAINT | UPSET   | 0          | 25    | VOUCHER, SHIPPING_REFUND          |

  # P2 allows a single option when the customer caused the problem: then there is no choice to offer.
  Scenario: a loyal customer at fault gets one gesture and no choice
    When the complaint has:
      | issue type     | PRICE_DISPUTE |
      | responsibility | CUSTOMER      |
      | tier           | LOYAL         |
    Then the decision has:
      | remedies                 | none                     |
      | compensation             | FREE_SHIPPING_NEXT_ORDER |
      | recommended compensation | FREE_SHIPPING_NEXT_ORDER |
      | actions exclude          | OFFER_CHOICE             |
