Feature: HR dashboard
  An HR manager sees how the programme is doing across their hub, one closed month at a time: how many people
  took part, how their wellbeing was, and how clients rated their work with the professionals. Every figure says
  which month it describes; a month's figures appear about an hour after it ends and never change afterwards.
  The figures can be downloaded exactly as shown.

  Scenario: The demo HR manager reads last month's statistics
    Given the demo hub is running
    When "hr@demo.wellbeing.test" signs in with the demo password
    Then they land on "/hubs/"
    And the page shows "Northwind Wellbeing Hub"
    And the figures are those of the last closed month
    And the page shows "Enrolled members"
    And the page shows "Wellbeing Index, every published month"
    And the page shows "A support tool, not a performance metric."
    And the page has no serious accessibility problems
    And the page fits a 360 px wide screen

  Scenario: The HR manager looks back at an earlier month
    Given the demo hub is running
    When "hr@demo.wellbeing.test" signs in with the demo password
    And they choose the month before the last one
    Then every section names that month
    And the downloaded figures are that month's, exactly as shown

  Scenario: The HR manager looks at one department
    # In the demo, two of Engineering's ten members never respond: its eight respondents are enough for a mean (5)
    # but not for shares (10), every month.
    Given the demo hub is running
    When "hr@demo.wellbeing.test" signs in with the demo password
    And they choose the department "Engineering"
    Then the page shows "Anonymised figures for the department Engineering"
    And some figures are shown and some say "Not enough responses"
    And the page has no serious accessibility problems
    And the page fits a 360 px wide screen

  Scenario: A department HR does not know is not found
    Given the demo hub is running
    When "hr@demo.wellbeing.test" signs in with the demo password
    And they ask for the department "Nobody"
    Then the statistics are not found and "Nobody" is not repeated
    And the download of the department "Nobody" is not found either
