Feature: Share and revoke
  A client decides, for each professional and each measure, whether the professional sees their score.
  Stopping takes effect on the professional's very next page.

  Scenario: A client stops sharing the Wellbeing Index with their psychologist
    Given the demo hub is running
    When "client3@demo.wellbeing.test" signs in with the demo password
    And they open "Sharing" from the menu
    Then the page has no serious accessibility problems
    When they stop sharing "Wellbeing Index" with "Dr. Maria Lind"
    Then the page says "Wellbeing Index" is not shared with "Dr. Maria Lind"
    And "pro1@demo.wellbeing.test" sees "?" as the Wellbeing Index of "client3@demo.wellbeing.test"
