Feature: A professional sees their own alliance score, never one client's
  The score is the mean of every alliance survey about the professional, shared with them or not. Because it
  includes what clients did not share, it only appears once enough different clients (the hub's k) stand behind it,
  and each month shown needs that many clients of its own.

  Scenario: The demo professional has enough responses
    Given the demo hub is running
    When "pro1@demo.wellbeing.test" signs in with the demo password
    And they open "My alliance score" from the menu
    Then the page shows "ratings by"
    And the page shows "Bond"
    And the page has no serious accessibility problems
