Feature: P4 Remedies per issue type
  Remedies fix the problem itself, before any goodwill: which ones depends on the issue type, and the first
  remedy of a row is the recommended one. A defective product or a wrong item reported more than 30 days after
  delivery is outside the return window: the full refund goes, the replacement stays (the warranty path), a
  senior agent handles it and the agent explains the policy.
  Amounts: a full refund, a price adjustment and a billing correction are worth the affected value.

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

  Scenario Outline: each issue type has its remedies, the first one recommended
    When the complaint has:
      | issue type          | <issue type>          |
      | responsibility      | <responsibility>      |
      | days since delivery | <days since delivery> |
    Then the decision has:
      | remedies           | <remedies>           |
      | recommended remedy | <recommended remedy> |

    Examples:
      | issue type         | responsibility | days since delivery | remedies                 | recommended remedy |
      | LATE_DELIVERY      | CARRIER        | -                   | REDELIVERY, FULL_REFUND  | REDELIVERY         |
      | LATE_DELIVERY      | CARRIER        | 1                   | none                     | none               |
      | NOT_DELIVERED      | CARRIER        | -                   | REPLACEMENT, FULL_REFUND | REPLACEMENT        |
      | DEFECTIVE_PRODUCT  | SUPPLIER       | 3                   | REPLACEMENT, FULL_REFUND | REPLACEMENT        |
      | DAMAGED_IN_TRANSIT | CARRIER        | 3                   | REPLACEMENT, FULL_REFUND | REPLACEMENT        |
      | WRONG_ITEM         | SHOP           | 3                   | REPLACEMENT, FULL_REFUND | REPLACEMENT        |
      | MISSING_ITEM       | SHOP           | 3                   | REPLACEMENT, FULL_REFUND | REPLACEMENT        |
      | PRICE_DISPUTE      | SHOP           | 3                   | PRICE_ADJUSTMENT         | PRICE_ADJUSTMENT   |
      | PRICE_DISPUTE      | CUSTOMER       | 3                   | none                     | none               |
      | REFUND_DELAY       | SHOP           | 3                   | none                     | none               |
      | BILLING_ERROR      | SHOP           | 3                   | PARTIAL_REFUND           | PARTIAL_REFUND     |
      | SERVICE_COMPLAINT  | SHOP           | 3                   | none                     | none               |
      | OTHER              | UNKNOWN        | 3                   | none                     | none               |

  Scenario Outline: a refund delay is expedited, a price dispute without a pricing error is explained
    When the complaint has:
      | issue type     | <issue type>     |
      | responsibility | <responsibility> |
    Then the decision has:
      | actions include | <actions include> |

    Examples:
      | issue type    | responsibility | actions include |
      | REFUND_DELAY  | SHOP           | EXPEDITE_REFUND |
      | PRICE_DISPUTE | CUSTOMER       | EXPLAIN_POLICY  |

  # Defective product 30 points, wrong item 25, damaged in transit 25: all MEDIUM, so inside the window the
  # path is a frontline agent.
  Scenario Outline: more than 30 days after delivery a defective or wrong item is outside the return window
    When the complaint has:
      | issue type          | <issue type> |
      | days since delivery | <days>       |
    Then the decision has:
      | remedies        | <remedies>        |
      | path            | <path>            |
      | actions include | <actions include> |
      | actions exclude | <actions exclude> |

    Examples:
      | issue type         | days | remedies                 | path            | actions include | actions exclude |
      | DEFECTIVE_PRODUCT  | 30   | REPLACEMENT, FULL_REFUND | FRONTLINE_AGENT | APOLOGIZE       | EXPLAIN_POLICY  |
      | DEFECTIVE_PRODUCT  | 31   | REPLACEMENT              | SENIOR_AGENT    | EXPLAIN_POLICY  | none            |
      | WRONG_ITEM         | 30   | REPLACEMENT, FULL_REFUND | FRONTLINE_AGENT | APOLOGIZE       | EXPLAIN_POLICY  |
      | WRONG_ITEM         | 31   | REPLACEMENT              | SENIOR_AGENT    | EXPLAIN_POLICY  | none            |
      | DAMAGED_IN_TRANSIT | 31   | REPLACEMENT, FULL_REFUND | FRONTLINE_AGENT | APOLOGIZE       | EXPLAIN_POLICY  |

  Scenario Outline: money remedies are worth the affected value, in the order's currency
    When the complaint has:
      | issue type     | <issue type>     |
      | order value    | <order value>    |
      | affected value | <affected value> |
      | currency       | <currency>       |
      | shipping cost  | <shipping cost>  |
    Then the decision has:
      | remedy <remedy> amount | <amount> |

    Examples:
      | issue type        | order value | affected value | currency | remedy           | amount  | shipping cost |
      | DEFECTIVE_PRODUCT | 1,200.00    | 999.99         | EUR      | FULL_REFUND      | 999.99  | 4.90          |
      | DEFECTIVE_PRODUCT | 1,200.00    | 1,000.00       | EUR      | FULL_REFUND      | 1000.00 | 4.90          |
      | DEFECTIVE_PRODUCT | 100.00      | -              | EUR      | FULL_REFUND      | 100.00  | 4.90          |
      | MISSING_ITEM      | 25.500      | 12.750         | KWD      | FULL_REFUND      | 12.750  | 1.500         |
      | NOT_DELIVERED     | 12,000      | 5,000          | JPY      | FULL_REFUND      | 5000    | 500           |
      | PRICE_DISPUTE     | 100.00      | 15.00          | EUR      | PRICE_ADJUSTMENT | 15.00   | 4.90          |
      | BILLING_ERROR     | 100.00      | 20.00          | EUR      | PARTIAL_REFUND   | 20.00   | 4.90          |
