Feature: Signing in
  Everyone signs in with their e-mail address and password and lands on the page of their role.
  Nobody can open another role's pages, and signed-out visitors are sent to the sign-in page.

  Scenario Outline: Each role lands on its own page
    Given the demo hub is running
    When "<person>" signs in with the demo password
    Then they land on "<page>"
    And the page shows "<text>"
    And the page has no serious accessibility problems

    Examples:
      | person                    | page       | text                      |
      | client1@demo.wellbeing.test | /dashboard | Wellbeing Index           |
      | pro1@demo.wellbeing.test  | /clients   | Clients                   |
      | hr@demo.wellbeing.test    | /hubs/     | Northwind Wellbeing Hub   |
      | admin@demo.wellbeing.test | /admin     | Create a hub              |

  Scenario: A wrong password is refused without saying whether the account exists
    Given the demo hub is running
    When "client1@demo.wellbeing.test" signs in with the password "not-the-password"
    Then the sign-in page says "The e-mail address or password is not right."
    And the page has no serious accessibility problems
    And the e-mail field still holds "client1@demo.wellbeing.test"

  Scenario: A signed-out visitor is sent to the sign-in page
    Given the demo hub is running
    When a signed-out visitor opens "/dashboard"
    Then they land on "/account/login"

  Scenario: A sign-in form left open in a second tab lands the person where they were going
    Given the demo hub is running
    And the sign-in page is also open in a second tab
    When "client1@demo.wellbeing.test" signs in with the demo password
    And "client1@demo.wellbeing.test" signs in with the demo password from the second tab too
    Then they land on "/dashboard"
    And the page shows "Wellbeing Index"
