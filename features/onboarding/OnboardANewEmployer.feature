Feature: An administrator onboards a new employer
  A new employer's programme starts on an installation with nothing but its first administrator. In the browser the
  administrator creates the employer's hub, records the WHO-5 licence the employer holds, invites its HR manager and a
  professional, imports the employees from the HR system's CSV file, invites them, and connects a client to the
  professional. Each invitation is an e-mail with a link that works once and for a limited time: following it, the
  person chooses a password and is signed in, with the role the invitation gave. Nobody types rows into a database.

  Scenario: From an empty installation to the HR manager, a professional and a member signing in
    Given an installation with no hubs, whose first administrator is "admin@programme.test"
    When "admin@programme.test" signs in with the demo password
    And they create the hub "Contoso Care" of "Contoso Ltd" with the short name "contoso-care" in "Europe/Amsterdam"
    Then the page shows "The hub was created"
    When they open "Instruments" from the menu
    And they record the permission of "Contoso Care" with the note "WHO permission letter, ref. 2026/201"
    Then the page shows "The licence is recorded"
    When they invite "hr@contoso.test" as the HR manager of "Contoso Care"
    And they invite the professional "Dana Reyes", "Coach", "dana.reyes@contoso.test" to "Contoso Care"
    Then the page shows "hr@contoso.test"
    And the page shows "dana.reyes@contoso.test"
    And the page has no serious accessibility problems
    When they import these employees into "Contoso Care":
      | external_id | email                   | name       | department  |
      | C-001       | ana.souza@contoso.test  | Ana Souza  | Engineering |
      | C-002       | ben.okafor@contoso.test | Ben Okafor | Engineering |
      | C-003       | chen.li@contoso.test    | Chen Li    | Sales       |
    Then the import is completed with 3 created and 0 rejected
    When they invite every member of "Contoso Care" without an account
    And they connect "ana.souza@contoso.test" to "Dana Reyes" in "Contoso Care"
    Then the page shows "Ana Souza"
    When the e-mail job runs
    And they sign out
    And "hr@contoso.test" opens the link in their invitation e-mail and chooses the password "Contoso!2026-hr"
    Then the page shows "Contoso Care"
    When they sign out
    And "dana.reyes@contoso.test" opens the link in their invitation e-mail and chooses the password "Contoso!2026-pro"
    And they open "Clients" from the menu
    Then the page shows "Ana Souza"
    When they sign out
    And "ana.souza@contoso.test" opens the link in their invitation e-mail and chooses the password "Contoso!2026-ana"
    Then the page shows "Fill in the Wellbeing Index"
    And the page has no serious accessibility problems
    When they sign out
    And "hr@contoso.test" signs in with the password "Contoso!2026-hr"
    Then the page shows "Contoso Care"
