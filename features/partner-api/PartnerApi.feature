Feature: Partner API
  A partner system of a hub, such as the employer's HR analytics, reads the hub's published statistics with its
  own credentials. It asks the token endpoint for a token with the OAuth 2.0 client-credentials grant; the token
  belongs to the one hub the administrator registered it for and carries the scopes it was granted. The figures
  are the HR page's, hidden in the same way: a hidden figure has neither value nor count of people. As on the HR
  page, the Professional Alliance mean is always the whole hub's, never a department's or a professional's; every
  figure says whether it is about the whole hub, so a department's answer shows which of its figures are not its own.

  Scenario: A partner reads its hub's published aggregates
    Given the demo partner system of Northwind
    When it gets a token with the scope "aggregates:read"
    And it asks for the aggregates of "northwind"
    Then the answer says when the figures were published and the rules in force
    And the answer shows how many members are enrolled

  Scenario: Another hub's aggregates are not found
    Given the demo partner system of Northwind
    When it gets a token with the scope "aggregates:read"
    And it asks for the aggregates of "fabrikam"
    Then the answer is a 404 problem

  Scenario: A token without the scope reads nothing
    Given the demo partner system of Northwind
    When it gets a token without a scope
    And it asks for the aggregates of "northwind"
    Then the answer is a 403 problem

  Scenario: Small groups stay hidden over the API
    Given the demo hub is running
    And the demo partner system of Northwind
    When it gets a token with the scope "aggregates:read"
    And it asks for the aggregates of the department "Sales"
    Then some figures are shown and the others have neither value nor people
    When "hr@demo.wellbeing.test" signs in with the demo password
    Then the figures hidden over the API are exactly those the HR export of "Sales" leaves empty
    When it asks for the aggregates of the department "Nobody"
    Then every figure of the department has neither value nor people

  Scenario: An administrator registers a partner system and sees its secret once
    Given the demo hub is running
    When "admin@demo.wellbeing.test" signs in with the demo password
    And they open "Partner systems" from the menu
    Then the page shows "Northwind HR analytics (demo)"
    When they register the partner system "Fabrikam HRIS" for "Fabrikam Care Hub"
    Then the page shows "Copy the secret now."
    And the page shows "Fabrikam HRIS is registered for Fabrikam Care Hub"
    And the page has no serious accessibility problems
