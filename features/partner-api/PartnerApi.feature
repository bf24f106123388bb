Feature: Partner API
  A partner system of a hub, such as the employer's HR analytics, reads the hub's published statistics with its
  own credentials. It asks the token endpoint for a token with the OAuth 2.0 client-credentials grant; the token
  belongs to the one hub the administrator registered it for and carries the scopes it was granted. It reads what
  HR reads: one block per closed month, published once and never changed, each figure saying which month it
  describes and whether it is about the whole hub or a department, hidden in the same way. A hidden figure has
  neither value nor count of people. The Professional Alliance mean is always the whole hub's, and says so.

  Scenario: A partner reads every published month
    Given the demo hub is running
    And the demo partner system of Northwind
    When it gets a token with the scope "aggregates:read"
    And it asks for the aggregates of "northwind"
    Then the answer has one block per month HR can choose, each with the rules in force
    And every figure says its month and that it is about the whole hub
    And the last month shows how many members were enrolled then

  Scenario: A partner reads one department's month exactly as HR sees it
    Given the demo hub is running
    And the demo partner system of Northwind
    When it gets a token with the scope "aggregates:read"
    And it asks for the department "Engineering" in the last published month
    Then some figures are shown and the others have neither value nor people
    And only the alliance mean is about the whole hub
    When "hr@demo.wellbeing.test" signs in with the demo password
    Then HR's page shows exactly these figures for "Engineering" in that month

  Scenario: A department the partner does not know is not found
    Given the demo partner system of Northwind
    When it gets a token with the scope "aggregates:read"
    And it asks for the aggregates of the department "Nobody"
    Then the answer is a 404 problem

  Scenario: The month under way is not there yet
    Given the demo partner system of Northwind
    When it gets a token with the scope "aggregates:read"
    And it asks for the month under way
    Then the answer is a 404 problem

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

  Scenario: A partner cannot ask for an identity token
    Given the demo partner system of Northwind
    When it asks for a token with the scope "openid"
    Then the token endpoint refuses with "invalid_scope" and gives no token

  Scenario: A token sent in the address is not accepted
    Given the demo partner system of Northwind
    When it gets a token with the scope "aggregates:read"
    And it sends its token in the address instead of the header
    Then the answer is a 401 problem

  Scenario: An administrator registers a partner system and sees its secret once
    Given the demo hub is running
    When "admin@demo.wellbeing.test" signs in with the demo password
    And they open "Partner systems" from the menu
    Then the page shows "Northwind HR analytics (demo)"
    When they register the partner system "Fabrikam HRIS" for "Fabrikam Care Hub"
    Then the page shows "Copy the secret now."
    And the page shows "Fabrikam HRIS is registered for Fabrikam Care Hub"
    And the page has no serious accessibility problems
