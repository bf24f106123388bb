Feature: Back after a live search shows the whole client list
  The live search swaps only the rows of the client list and puts the search in the address bar. Going back asks the
  server for the earlier page when htmx no longer holds a copy of it (its history cache is small and can be cleared):
  the answer must be the whole page again, with the header, the navigation and the search box, never bare rows.

  Scenario: A professional searches twice, htmx's copy of the first search is gone, and they go back
    Given the demo hub is running
    When "pro1@demo.wellbeing.test" signs in with the demo password
    And they search their clients for "client7@demo.wellbeing.test"
    And they change the search to "client9@demo.wellbeing.test"
    And the browser no longer holds htmx's copy of earlier pages
    And they go back
    Then the whole client list is shown, with its header and the search box
