Feature: Choosing which e-mails to receive
  Every e-mail carries a link that stops its kind of e-mail without signing in. A client sees each choice on
  "My data" and changes it back there. A link works once, so an old e-mail cannot undo a later choice.

  Scenario: A client stops Wellbeing Index reminders from an e-mail and turns them back on in My data
    Given the demo hub is running
    And "client20@demo.wellbeing.test" has received a Wellbeing Index reminder
    When they open the e-mail's unsubscribe link
    Then the page shows "Stop Wellbeing Index reminders?"
    And the page has no serious accessibility problems
    When they press the "Stop these e-mails" button
    Then the page shows "Wellbeing Index reminders stopped"
    And the page has no serious accessibility problems
    When "client20@demo.wellbeing.test" signs in with the demo password
    And they open "My data" from the menu
    Then the page shows "Off: you do not receive a reminder when your Wellbeing Index is due"
    And the page shows "On: we send you an invitation to the alliance survey after a session"
    And the page has no serious accessibility problems
    When they press the "Send me Wellbeing Index reminders again" button
    Then the page shows "On: we send you a reminder when your Wellbeing Index is due"
    When they open the e-mail's unsubscribe link
    Then the page shows "This link has already been used to stop Wellbeing Index reminders."
    And the page has no serious accessibility problems
