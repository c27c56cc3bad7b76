Feature: P9 Loyalty
  Loyalty adds, it never takes away: loyal customers get 5 percentage points more on every percentage option,
  VIP customers 10, and a VIP is always answered by a person. A new customer gets the same remedies as anyone.

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

  # Levels: late delivery, calm 10 LOW; defective, calm 30 MEDIUM; defective, angry 50 HIGH;
  # defective, furious, public 75 CRITICAL. Order and affected value 100.00, so percent = amount.
  Scenario Outline: the tier bonus is added to every percentage option
    When the complaint has:
      | issue type | <issue type> |
      | emotion    | <emotion>    |
      | public     | <public>     |
      | tier       | <tier>       |
    Then the decision has:
      | level                  | <level>          |
      | VOUCHER percent        | <voucher>        |
      | VOUCHER amount         | <voucher amount> |
      | PARTIAL_REFUND percent | <partial>        |

    Examples:
      | issue type        | emotion | public | tier    | level    | voucher | voucher amount | partial     |
      | LATE_DELIVERY     | CALM    | no     | NEW     | LOW      | 5       | 5.00           | not offered |
      | LATE_DELIVERY     | CALM    | no     | LOYAL   | LOW      | 10      | 10.00          | not offered |
      | LATE_DELIVERY     | CALM    | no     | VIP     | LOW      | 15      | 15.00          | not offered |
      | DEFECTIVE_PRODUCT | CALM    | no     | REGULAR | MEDIUM   | 10      | 10.00          | not offered |
      | DEFECTIVE_PRODUCT | CALM    | no     | VIP     | MEDIUM   | 20      | 20.00          | not offered |
      | DEFECTIVE_PRODUCT | ANGRY   | no     | NEW     | HIGH     | 20      | 20.00          | 15          |
      | DEFECTIVE_PRODUCT | ANGRY   | no     | LOYAL   | HIGH     | 25      | 25.00          | 20          |
      | DEFECTIVE_PRODUCT | ANGRY   | no     | VIP     | HIGH     | 30      | 30.00          | 25          |
      | DEFECTIVE_PRODUCT | FURIOUS | yes    | REGULAR | CRITICAL | 35      | 35.00          | 30          |
      | DEFECTIVE_PRODUCT | FURIOUS | yes    | LOYAL   | CRITICAL | 40      | 40.00          | 35          |
      | DEFECTIVE_PRODUCT | FURIOUS | yes    | VIP     | CRITICAL | 45      | 45.00          | 40          |

  Scenario Outline: at LOW the goodwill options are the same for every tier, only the percentage grows
    When the complaint has:
      | issue type | LATE_DELIVERY |
      | tier       | <tier>        |
    Then the decision has:
      | compensation | VOUCHER, FREE_SHIPPING_NEXT_ORDER |

    Examples:
      | tier |
      | NEW  |
      | VIP  |

  Scenario Outline: every tier gets the same remedies
    When the complaint has:
      | tier | <tier> |
    Then the decision has:
      | remedies           | REPLACEMENT, FULL_REFUND |
      | FULL_REFUND amount | 100.00                   |

    Examples:
      | tier    |
      | NEW     |
      | REGULAR |
      | LOYAL   |
      | VIP     |

  Scenario Outline: a VIP is answered by a person even when the case is simple
    When the complaint has:
      | issue type | LATE_DELIVERY |
      | tier       | <tier>        |
    Then the decision has:
      | level | LOW    |
      | path  | <path> |

    Examples:
      | tier  | path            |
      | NEW   | AUTO_RESOLVE    |
      | LOYAL | AUTO_RESOLVE    |
      | VIP   | FRONTLINE_AGENT |

  # LOW for a loyal customer: a voucher of 10 %, rounded half-even to the cent.
  Scenario Outline: the loyalty voucher is rounded half-even
    When the complaint has:
      | issue type    | LATE_DELIVERY |
      | tier          | LOYAL         |
      | order value   | <order value> |
      | shipping cost | 0             |
    Then the decision has:
      | VOUCHER amount | <voucher> |

    Examples:
      | order value | voucher | why                             |
      | 100.05      | 10.00   | 10.005 rounds to the even 10.00 |
      | 100.15      | 10.02   | 10.015 rounds to the even 10.02 |
