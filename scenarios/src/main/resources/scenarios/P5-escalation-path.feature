Feature: P5 Escalation path
  Who handles the complaint: the first row that holds, from the top, decides.
    legal threat                                               -> LEGAL
    public, and a reach of 10,000 or more or CRITICAL          -> SOCIAL_MEDIA_TEAM
    CRITICAL, or an affected value of 1,000 or more            -> SUPERVISOR
    HIGH, a third contact, 3 compensations in 90 days,
    or outside the return window                               -> SENIOR_AGENT
    MEDIUM, the customer's own fault, or a VIP customer        -> FRONTLINE_AGENT
    otherwise                                                  -> AUTO_RESOLVE
  The affected value is compared in the order's currency, as the policy says.

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

  # Late delivery 10 + 2 a day late; service complaint 15; wrong item 25; defective 30; not delivered 35;
  # upset 10, angry 20, furious 30; a third contact 20.
  Scenario Outline: the dissatisfaction level sets the path
    When the complaint has:
      | issue type    | <issue type>    |
      | emotion       | <emotion>       |
      | delay days    | <delay days>    |
      | contact count | <contact count> |
    Then the decision has:
      | score | <score> |
      | path  | <path>  |

    Examples:
      | issue type        | emotion | delay days | contact count | score | path            |
      | LATE_DELIVERY     | CALM    | 7          | 1             | 24    | AUTO_RESOLVE    |
      | SERVICE_COMPLAINT | UPSET   | 0          | 1             | 25    | FRONTLINE_AGENT |
      | WRONG_ITEM        | CALM    | 12         | 1             | 49    | FRONTLINE_AGENT |
      | DEFECTIVE_PRODUCT | ANGRY   | 0          | 1             | 50    | SENIOR_AGENT    |
      | DEFECTIVE_PRODUCT | ANGRY   | 2          | 3             | 74    | SENIOR_AGENT    |
      | NOT_DELIVERED     | FURIOUS | 5          | 1             | 75    | SUPERVISOR      |

  # Public adds 15 points: a calm late delivery in public scores 25, MEDIUM.
  Scenario Outline: a public complaint with a large audience goes to the social media team
    When the complaint has:
      | issue type   | <issue type>   |
      | emotion      | <emotion>      |
      | public       | <public>       |
      | public reach | <public reach> |
    Then the decision has:
      | level | <level> |
      | path  | <path>  |

    Examples:
      | issue type    | emotion | public | public reach | level    | path              |
      | LATE_DELIVERY | CALM    | yes    | 9,999        | MEDIUM   | FRONTLINE_AGENT   |
      | LATE_DELIVERY | CALM    | yes    | 10,000       | MEDIUM   | SOCIAL_MEDIA_TEAM |
      | LATE_DELIVERY | CALM    | no     | 50,000       | LOW      | AUTO_RESOLVE      |
      | NOT_DELIVERED | FURIOUS | yes    | 0            | CRITICAL | SOCIAL_MEDIA_TEAM |
      | NOT_DELIVERED | FURIOUS | no     | 0            | HIGH     | SENIOR_AGENT      |

  Scenario Outline: a large affected value goes to a supervisor whatever the level
    When the complaint has:
      | order value    | 1,500.00         |
      | affected value | <affected value> |
    Then the decision has:
      | level | LOW    |
      | path  | <path> |

    Examples:
      | affected value | path         |
      | 999.99         | AUTO_RESOLVE |
      | 1,000.00       | SUPERVISOR   |

  Scenario Outline: signals other than the level bring a person in
    When the complaint has:
      | issue type                 | <issue type>     |
      | contact count              | <contacts>       |
      | compensations last 90 days | <compensations>  |
      | days since delivery        | <delivered>      |
      | responsibility             | <responsibility> |
      | tier                       | <tier>           |
    Then the decision has:
      | level | <level> |
      | path  | <path>  |

    Examples:
      | issue type        | contacts | compensations | delivered | responsibility | tier    | level  | path            |
      | LATE_DELIVERY     | 3        | 0             | -         | SHOP           | REGULAR | MEDIUM | SENIOR_AGENT    |
      | LATE_DELIVERY     | 1        | 2             | -         | SHOP           | REGULAR | LOW    | AUTO_RESOLVE    |
      | LATE_DELIVERY     | 1        | 3             | -         | SHOP           | REGULAR | LOW    | SENIOR_AGENT    |
      | DEFECTIVE_PRODUCT | 1        | 0             | 30        | SHOP           | REGULAR | MEDIUM | FRONTLINE_AGENT |
      | DEFECTIVE_PRODUCT | 1        | 0             | 31        | SHOP           | REGULAR | MEDIUM | SENIOR_AGENT    |
      | PRICE_DISPUTE     | 1        | 0             | 5         | CUSTOMER       | REGULAR | LOW    | FRONTLINE_AGENT |
      | LATE_DELIVERY     | 1        | 0             | -         | SHOP           | VIP     | LOW    | FRONTLINE_AGENT |
      | LATE_DELIVERY     | 1        | 0             | -         | SHOP           | NEW     | LOW    | AUTO_RESOLVE    |

  # 35 + 30 + 15 = 80, CRITICAL and public with a large audience: the legal threat still comes first.
  Scenario: a legal threat beats every other path
    When the complaint has:
      | issue type   | NOT_DELIVERED |
      | emotion      | FURIOUS       |
      | public       | yes           |
      | public reach | 50,000        |
      | legal threat | yes           |
    Then the decision has:
      | level                      | CRITICAL |
      | path                       | LEGAL    |
      | escalation reason mentions | legal    |
