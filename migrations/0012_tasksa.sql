-- Issue 9 (tasksa). A task's start date (ngày giao): the day the work was given, shown with
-- the deadline; a new task defaults to the day it is created. Tasks created before this
-- column existed keep NULL (no portable date arithmetic here) and read as their creation day.
ALTER TABLE tasks ADD COLUMN start_on TEXT;
