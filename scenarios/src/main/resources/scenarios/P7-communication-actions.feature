Feature: P7 Communication actions
  What the person handling the complaint must do. Always apologise and thank the customer. Admit the fault when
  the shop side is responsible (never blame the carrier). Explain the policy when something is refused or
  limited. Answer a public complaint where it was made. Promise a call back to a furious customer. Offer the
  choice when there is more than one option. Expedite a late refund. Send a gift at CRITICAL when the shop side
  is responsible. Ask how it went after a HIGH or CRITICAL case. Report the root cause to the team responsible
  for a carrier, a supplier or a declared incident.

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

  # Scores: late delivery 10 (+15 public, +30 furious); refund delay 20; price dispute 10;
  # not delivered 35 + furious 30 + 5 days late 10 = 75.
  Scenario Outline: the whole to-do list for typical complaints
    When the complaint has:
      | issue type     | <issue type>     |
      | responsibility | <responsibility> |
      | emotion        | <emotion>        |
      | delay days     | <delay days>     |
      | public         | <public>         |
    Then the decision has:
      | level   | <level>   |
      | actions | <actions> |

    Examples:
      | issue type    | responsibility | emotion | delay days | public | level    | actions                                                                                                                |
      | LATE_DELIVERY | SHOP           | CALM    | 0          | no     | LOW      | APOLOGIZE, ADMIT_FAULT, OFFER_CHOICE, THANK_CUSTOMER                                                                   |
      | LATE_DELIVERY | SHOP           | CALM    | 0          | yes    | MEDIUM   | APOLOGIZE, ADMIT_FAULT, PUBLIC_REPLY_SAME_CHANNEL, OFFER_CHOICE, THANK_CUSTOMER                                        |
      | LATE_DELIVERY | SHOP           | FURIOUS | 0          | no     | MEDIUM   | APOLOGIZE, ADMIT_FAULT, CALLBACK_PROMISE, OFFER_CHOICE, THANK_CUSTOMER                                                 |
      | REFUND_DELAY  | SHOP           | CALM    | 0          | no     | LOW      | APOLOGIZE, ADMIT_FAULT, OFFER_CHOICE, EXPEDITE_REFUND, THANK_CUSTOMER                                                  |
      | PRICE_DISPUTE | CUSTOMER       | CALM    | 0          | no     | LOW      | APOLOGIZE, EXPLAIN_POLICY, THANK_CUSTOMER                                                                              |
      | NOT_DELIVERED | CARRIER        | FURIOUS | 5          | no     | CRITICAL | APOLOGIZE, ADMIT_FAULT, CALLBACK_PROMISE, OFFER_CHOICE, SEND_GIFT, FOLLOW_UP_SURVEY, ROOT_CAUSE_REPORT, THANK_CUSTOMER |

  # Wrong item 25 + 12 days late 24 = 49, MEDIUM; defective 30 + angry 20 = 50, HIGH.
  Scenario Outline: the follow-up survey starts at HIGH
    When the complaint has:
      | issue type | <issue type> |
      | emotion    | <emotion>    |
      | delay days | <delay days> |
    Then the decision has:
      | score           | <score>   |
      | actions include | <include> |
      | actions exclude | <exclude> |

    Examples:
      | issue type        | emotion | delay days | score | include          | exclude          |
      | WRONG_ITEM        | CALM    | 12         | 49    | APOLOGIZE        | FOLLOW_UP_SURVEY |
      | DEFECTIVE_PRODUCT | ANGRY   | 0          | 50    | FOLLOW_UP_SURVEY | SEND_GIFT        |

  # Defective 30 + furious 30 + third contact 20 = 80, CRITICAL.
  Scenario Outline: a gift at CRITICAL only when the shop side is responsible
    When the complaint has:
      | issue type          | DEFECTIVE_PRODUCT |
      | days since delivery | 3                 |
      | emotion             | FURIOUS           |
      | contact count       | 3                 |
      | responsibility      | <responsibility>  |
    Then the decision has:
      | level           | CRITICAL  |
      | actions include | <include> |
      | actions exclude | <exclude> |

    Examples:
      | responsibility | include                                   | exclude                |
      | SUPPLIER       | SEND_GIFT, ADMIT_FAULT, ROOT_CAUSE_REPORT | EXPLAIN_POLICY         |
      | CUSTOMER       | EXPLAIN_POLICY, FOLLOW_UP_SURVEY          | SEND_GIFT, ADMIT_FAULT |

  Scenario Outline: the root cause is reported for a carrier, a supplier or a declared incident
    When the complaint has:
      | responsibility | <responsibility> |
      | incident level | <incident>       |
    Then the decision has:
      | actions include | <include> |
      | actions exclude | <exclude> |

    Examples:
      | responsibility | incident | include                        | exclude           |
      | SHOP           | -        | ADMIT_FAULT                    | ROOT_CAUSE_REPORT |
      | UNKNOWN        | -        | ADMIT_FAULT                    | ROOT_CAUSE_REPORT |
      | CARRIER        | -        | ADMIT_FAULT, ROOT_CAUSE_REPORT | none              |
      | SHOP           | LOW      | ADMIT_FAULT, ROOT_CAUSE_REPORT | none              |

  Scenario Outline: outside the return window the policy is explained
    When the complaint has:
      | issue type          | DEFECTIVE_PRODUCT |
      | days since delivery | <days>            |
    Then the decision has:
      | actions include | <include> |
      | actions exclude | <exclude> |

    Examples:
      | days | include                     | exclude        |
      | 30   | ADMIT_FAULT, OFFER_CHOICE   | EXPLAIN_POLICY |
      | 31   | ADMIT_FAULT, EXPLAIN_POLICY | none           |
