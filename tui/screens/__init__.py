"""The app's screens: the browser and the help screen."""
