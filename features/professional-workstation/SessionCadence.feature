Feature: Ending a session opens an alliance survey at the hub's cadence
  When a professional marks a session as ended, the client is asked how the work together is going, but only as
  often as the hub decides: after every session, every 2nd or every 3rd session with the same professional. The
  survey stays open for the number of days the hub sets (7 unless changed).

  Scenario Outline: Only the sessions the cadence picks open a survey
    Given the demo hub is running
    And the "northwind" hub asks for an alliance survey <cadence>, open for <days> days
    And "pro1@demo.wellbeing.test" has a new client "new.client@demo.wellbeing.test" with no sessions yet
    When "pro1@demo.wellbeing.test" signs in with the demo password
    And they schedule and end 3 sessions with "new.client@demo.wellbeing.test"
    Then the sessions that opened an alliance survey are <invited>
    And each survey stays open for <days> days
    And the profile says which sessions sent a survey

    Examples:
      | cadence             | days | invited |
      | after every session | 7    | 1, 2, 3 |
      | every 2nd session   | 3    | 2       |
      | every 3rd session   | 14   | 3       |
