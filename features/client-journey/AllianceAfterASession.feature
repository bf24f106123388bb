Feature: Professional Alliance after a session
  When a session has ended, the client finds a short survey about it at the top of their dashboard.
  Each survey can be answered once, by that client only, while it is open.

  Scenario: A client rates the session that ended yesterday
    Given the demo hub is running
    When "client7@demo.wellbeing.test" signs in with the demo password
    Then the page shows "How did your session go?"
    When they open the first pending session survey
    Then the page shows "not a validated instrument"
    And the page has no serious accessibility problems
    When they choose "Agree" for every statement
    And they send their answers
    Then the page shows "Thank you"
    And the dashboard no longer offers that survey
