Feature: The instrument catalogue and the WHO-5 licence
  An administrator sees each instrument with its versions, items, scoring and licence; our own alliance survey is
  never presented as a validated instrument. WHO publishes the WHO-5 under CC BY-NC-SA 3.0 IGO, so commercial use
  needs WHO's permission: a hub's clients get the Wellbeing Index only once an administrator has recorded that the
  hub holds it. Until then they see a notice instead of the form.

  Scenario: Without the licence a client sees a notice, and gets the form once an administrator records it
    Given the demo hub is running
    And the licence of "Fabrikam Care Hub" for the WHO-5 is not recorded
    When "client4@fabrikam.wellbeing.test" signs in with the demo password
    Then the page shows "The Wellbeing Index is not available in your programme yet"
    When they follow the link "Read more"
    Then the page shows "Not available in your programme yet"
    And the page has no serious accessibility problems
    When they sign out
    And "admin@demo.wellbeing.test" signs in with the demo password
    And they open "Instruments" from the menu
    Then the page shows "Raw score: the sum of the answers, 0-25; reported score: raw score × 4, 0-100."
    And the page shows "Not a validated instrument."
    And the page has no serious accessibility problems
    When they record the permission of "Fabrikam Care Hub" with the note "WHO permission letter, ref. 2026/117"
    Then the page shows "The licence is recorded"
    And the page shows "WHO permission letter, ref. 2026/117"
    When they sign out
    And "client4@fabrikam.wellbeing.test" signs in with the demo password
    And they open the Wellbeing Index from the dashboard
    Then the page shows "I have felt cheerful and in good spirits"
