Feature: A professional sees shared scores and a question mark otherwise
  A professional sees a client's Wellbeing Index and how the client rates their work together only while the client
  shares it with them. Otherwise they see "?", with the same words whether the client has not filled it in or has
  chosen not to share it, so the professional cannot tell which. A client who stops sharing disappears from the
  professional's view on the very next page they open.

  Scenario: Shared scores turn into a question mark when the client stops sharing
    Given the demo hub is running
    When "pro1@demo.wellbeing.test" signs in with the demo password
    And they search their clients for "client7@demo.wellbeing.test"
    Then the page has no serious accessibility problems
    When they open that client's profile
    Then the Wellbeing Index shows a score out of 100 and a bracket
    And the Professional Alliance shows a score out of 7
    And the page has no serious accessibility problems
    And the page fits a 360 px wide screen
    When "client7@demo.wellbeing.test" stops sharing their Wellbeing Index with "pro1@demo.wellbeing.test"
    And they reload the profile
    Then the Wellbeing Index shows "?"
    And the Professional Alliance shows a score out of 7

  Scenario: Not filled in and not shared read exactly the same
    Given the demo hub is running
    When "pro1@demo.wellbeing.test" signs in with the demo password
    And they open the profile of "client19@demo.wellbeing.test", who shares the Wellbeing Index but never filled it in
    And they open the profile of "client23@demo.wellbeing.test", who filled it in but does not share it
    Then both Wellbeing Index sections read the same
    And the Wellbeing Index shows "?"
