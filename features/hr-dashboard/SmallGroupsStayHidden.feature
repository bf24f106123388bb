Feature: Small groups stay hidden
  No figure that HR sees may let anyone work out one person's answers. A number needs at least k people
  (5 unless the hub sets more, never fewer than 3); a distribution or a share of trends needs k_dist people
  (10) spread over more than one category. A department is shown only when it and the rest of the hub both
  reach the threshold, and the departments left hidden must together reach it too. A new snapshot needs k new
  respondents; within it, a department gets new figures only when k of its own people are new, and the
  departments keeping their old figures must together have no new respondents or at least k. A member who
  deleted their account counts like a new respondent of their department: their answers left its figures.

  Scenario Outline: A number needs k people
    Given a hub with the default privacy rules
    When <people> people are behind a number
    Then the number is <shown>

    Examples:
      | people | shown  |
      | 0      | hidden |
      | 4      | hidden |
      | 5      | shown  |

  Scenario: A department is hidden when the rest of the hub is too small
    Given a hub with the default privacy rules
    When the hub has these departments:
      | department | people |
      | Sales      | 10     |
      | Legal      | 4      |
    Then no department is shown

  Scenario: A lone person in one department hides another department too
    Given a hub with the default privacy rules
    When the hub has these departments:
      | department | people |
      | Sales      | 10     |
      | Ops        | 10     |
      | Finance    | 6      |
      | Legal      | 1      |
    Then only these departments are shown: "Ops, Sales"

  Scenario: A group all in one bracket shows no distribution
    Given a hub with the default privacy rules
    When a group of 12 people are all in the Poor bracket
    Then the distribution is hidden

  Scenario: One new response does not publish a new snapshot
    Given a hub with the default privacy rules
    When 1 new person has responded since the last snapshot
    Then no new snapshot is published
    When 5 new people have responded since the last snapshot
    Then a new snapshot is published

  Scenario: A department with too few new respondents keeps the figures HR has seen
    Given a hub with the default privacy rules
    When a new snapshot follows these new respondents:
      | department | new people |
      | Sales      | 1          |
      | Ops        | 6          |
      | Finance    | 5          |
      | Legal      | 4          |
    Then only these departments get new figures: "Finance, Ops"

  Scenario: The departments keeping their figures must together hide at least k new respondents
    Given a hub with the default privacy rules
    When a new snapshot follows these new respondents:
      | department | new people |
      | Sales      | 1          |
      | Ops        | 6          |
      | Finance    | 5          |
    Then only these departments get new figures: "Ops"
