Feature: Fill in the Wellbeing Index
  A client fills in the Wellbeing Index from their dashboard, on any screen, with or without a mouse.
  They see their score and what it means straight away. A form with a statement left out is not saved,
  and the answers already chosen stay chosen.

  Scenario: A client fills in the index on a phone and sees the score
    Given the demo hub is running
    And the screen is a phone 360 pixels wide
    When "client3@demo.wellbeing.test" signs in with the demo password
    Then the page has no serious accessibility problems
    When they open the Wellbeing Index from the dashboard
    Then the form fits the screen
    And the page has no serious accessibility problems
    When they choose "Most of the time" for every statement
    And they send their answers
    Then the score shown is 80
    And the page shows "Good"
    And the page shows "not a diagnosis"

  Scenario: A statement left out is pointed out and the other answers are kept
    Given the demo hub is running
    When "client4@demo.wellbeing.test" signs in with the demo password
    And they open the Wellbeing Index from the dashboard
    And they choose "Some of the time" for every statement but the last
    And they send their answers
    Then the page shows "Please check your answers"
    And the statement "My daily life has been filled with things that interest me" is marked as not answered
    And 4 answers are still chosen
    And the page has no serious accessibility problems
