import sqlite3

def user_count(db, name):
    #count the users with this name
    #-copilot next line-
