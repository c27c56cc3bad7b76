Feature: P6 Response times
  The path decides how fast the first answer comes, when the complaint must be resolved and how often the
  customer hears from us while it is open. Whatever a table says, the customer is never left more than 7 days
  without an update (a guard rule; the shipped table never comes near it, so the examples below show the table).

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

  # Scores: late delivery 10; service complaint 15 + upset 10 = 25; defective 30 + angry 20 = 50;
  # not delivered 35 + furious 30 + 5 days late 10 = 75.
  Scenario Outline: each path has its response times
    When the complaint has:
      | issue type                 | <issue type>    |
      | emotion                    | <emotion>       |
      | delay days                 | <delay days>    |
      | public                     | <public>        |
      | public reach               | <public reach>  |
      | legal threat               | <legal threat>  |
      | tier                       | <tier>          |
      | compensations last 90 days | <compensations> |
    Then the decision has:
      | path                   | <path>    |
      | first response minutes | <first>   |
      | resolution hours       | <resolve> |
      | update every days      | <update>  |

    Examples:
      | issue type        | emotion | delay days | public | public reach | legal threat | tier    | compensations | path              | first | resolve | update |
      | LATE_DELIVERY     | CALM    | 0          | no     | 0            | no           | REGULAR | 0             | AUTO_RESOLVE      | 5     | 4       | 1      |
      | SERVICE_COMPLAINT | UPSET   | 0          | no     | 0            | no           | REGULAR | 0             | FRONTLINE_AGENT   | 30    | 24      | 2      |
      | LATE_DELIVERY     | CALM    | 0          | no     | 0            | no           | VIP     | 0             | FRONTLINE_AGENT   | 30    | 24      | 2      |
      | DEFECTIVE_PRODUCT | ANGRY   | 0          | no     | 0            | no           | REGULAR | 0             | SENIOR_AGENT      | 30    | 48      | 2      |
      | LATE_DELIVERY     | CALM    | 0          | no     | 0            | no           | REGULAR | 3             | SENIOR_AGENT      | 30    | 48      | 2      |
      | NOT_DELIVERED     | FURIOUS | 5          | no     | 0            | no           | REGULAR | 0             | SUPERVISOR        | 15    | 24      | 1      |
      | LATE_DELIVERY     | CALM    | 0          | yes    | 10,000       | no           | REGULAR | 0             | SOCIAL_MEDIA_TEAM | 15    | 24      | 1      |
      | LATE_DELIVERY     | CALM    | 0          | no     | 0            | yes          | REGULAR | 0             | LEGAL             | 60    | 120     | 3      |

  # The slowest rhythm in the shipped table is LEGAL's, every 3 days: well inside the 7-day limit.
  Scenario: a legal case still hears from us within the week
    When the complaint has:
      | legal threat | yes |
    Then the decision has:
      | update every days | 3 |
