Feature: Small and uniform groups stay hidden
  No figure HR sees may let anyone work out one person's answers. Each closed month is judged on its own people.
  A count needs at least k people (5 unless the hub sets more, never fewer than 3); a mean, a distribution or a share
  of trends needs k_dist people (10), because over fewer people a mean can tell how many are in a bracket. A group
  whose people all fall in one bracket is hidden however large it is, since even its mean would tell HR each
  person's bracket; it reads exactly like a group that is too small. A
  department is shown only when it and the rest of the hub both pass, and the departments left hidden must
  together pass too, so that "the whole hub minus the shown departments" never gives a small group away.

  Background:
    Given a hub with the default privacy rules

  Scenario Outline: A department needs k people who are not all alike
    When a month's answers were:
      | department | scores   |
      | Sales      | <scores> |
      | Operations | 20, 40, 60, 80, 20, 40, 60, 80, 20, 40, 60, 80 |
    Then the figures of Sales are <shown>

    Examples:
      | scores                                          | shown  |
      | 40, 80, 40, 80                                  | hidden |
      | 40, 80, 40, 80, 40                              | shown  |
      | 0, 4, 4, 8, 8                                   | hidden |
      | 60, 64, 72, 80, 88, 96, 100, 60, 64, 72, 80, 88 | hidden |

  Scenario: A uniform department reads exactly like a small one
    When a month's answers were:
      | department | scores                                         |
      | Sales      | 40, 80, 40, 80, 40, 80, 40, 80, 40, 80, 40, 80 |
      | Operations | 20, 60, 20, 60, 20, 60, 20, 60, 20, 60, 20, 60 |
      | Payroll    | 0, 4, 4, 8, 8                                  |
      | Legal      | 20, 40, 60, 80                                 |
    Then the figures of Payroll read exactly like those of Legal

  Scenario: Means and shares need more people than counts
    When a month's answers were:
      | department | scores                                         |
      | Sales      | 20, 40, 60, 80, 20, 40, 60, 80                 |
      | Operations | 20, 40, 60, 80, 20, 40, 60, 80, 20, 40, 60, 80 |
    Then the figures of Sales are shown
    But the mean and the distribution of Sales are hidden

  Scenario: A lone person in one department hides another department too
    When a month's answers came from:
      | department | people |
      | Sales      | 10     |
      | Operations | 10     |
      | Finance    | 6      |
      | Legal      | 1      |
    Then only these departments are shown: "Operations, Sales"
    And the whole hub minus the shown departments leaves none or at least 5 people
