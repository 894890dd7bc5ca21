"""Channel sync: a listing's nights exported to other platforms by iCal, and theirs imported."""
