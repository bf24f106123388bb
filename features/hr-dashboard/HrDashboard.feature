Feature: HR dashboard
  An HR manager sees how the programme is doing across their hub: how many people take part, how their
  wellbeing moves, and how clients rate their work with the professionals. Only anonymised figures from the
  latest published snapshot are shown, with notes on how to read them, and they can be downloaded as shown.

  Scenario: The demo HR manager reads the hub's statistics
    Given the demo hub is running
    When "hr@demo.wellbeing.test" signs in with the demo password
    Then they land on "/hubs/"
    And the page shows "Northwind Wellbeing Hub"
    And the statistics show when they were published
    And the page shows "Enrolled members"
    And the page shows "Monthly means"
    And the page shows "A support tool, not a performance metric."
    And the page has no serious accessibility problems
    And the page fits a 360 px wide screen

  Scenario: The HR manager looks at one department
    Given the demo hub is running
    When "hr@demo.wellbeing.test" signs in with the demo password
    And they choose the department "Sales"
    Then the page shows "Anonymised statistics for the department Sales."
    And some figures are shown and some say "Not enough responses"
    And the page has no serious accessibility problems
    And the page fits a 360 px wide screen
