<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AttributeDock</name>
        <message>
            <source>ID</source>
            <extracomment>Columns whose values come from a fixed list, per layer. Counts that cannot be negative. Display titles of the plan's own columns (other columns show their name).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Floors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households estimated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Street type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Secretary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Responsible unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attributes</source>
            <extracomment>a message for the status bar (an edit refused, a paste done)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter rows…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 features are selected on the map; too scattered to mark in the table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cannot be negative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cannot be edited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pasted %1 cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 takes a number; “%2” is not one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 takes yes or no; “%2” is neither</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 must be one of: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit %1 of feature %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste %1 cells into %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 takes a whole number; “%2” is not one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 did not fit in the table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feature %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AutoAssign</name>
        <message>
            <source>Full-time worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid leader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Extra worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Joint branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid %1 has no Party branch</source>
            <extracomment>The core's English reasons (assignment.py) and their translatable templates; the groups fill %1, %2, ... in order. Unknown texts are shown as they are.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid %1 has no full-time worker (%2 households)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid %1 has no grid leader; promote a full-time worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 households per full-time worker is more than %2; %3 with one more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branches %1 have fewer than %2 full members each; together %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid %1 (%2): no unassigned full-time worker left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid %1 (%2): no full-time worker left to lead it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid %1 (%2): %3 households per full-time worker, more than %4, and no worker is left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch %1 (grid %2) has %3 full members, fewer than %4, and no neighbouring small grid branch to join (branches of %4 or more are not merged)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid %1 has no grid leader; %2 is one (imported as grid leader)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-assign Grid Workers and Branches</source>
            <extracomment>Qt's translate under a name pyside6-lupdate recognises (with a literal context).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Needs nobody available can fill:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Apply Selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every grid needs a grid leader, a full-time worker and a Party branch of at least three full members. Uncheck the changes you do not want; the rest is applied as one step that Undo takes back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to propose: every grid that can be staffed from the roster already is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 changes selected</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AutosaveFeature</name>
        <message>
            <source>Could not write the recovery copy: %1</source>
            <extracomment>milliseconds of quiet after the last edit before the copy is written</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot restore the recovery copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved changes restored</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved changes found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>gridplanner closed without saving this plan. A copy of the unsaved changes from %1 was kept. Restore it?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BasemapMessages</name>
        <message>
            <source>Basemap %1: the tile server does not answer; showing the tiles already saved on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basemap %1: the server refused the tiles (HTTP %2); check the key or the address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basemap %1: the server sent something that is not a map tile (tile %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basemap %1: tile %2 is damaged and is left out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basemap %1 needs a key: set it in Basemap → Tianditu Key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basemap %1: the file cannot be read (%2)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CellAttributeDialog</name>
        <message>
            <source>Cell Attributes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comprehensive grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dedicated grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Responsible unit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CentreDialog</name>
        <message>
            <source>Centre Attributes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>other services, comma-separated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 08:30-20:30</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Services:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capacity:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening hours:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Year:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Floor area:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenarios:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The year it opened, or is due to open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>empty: in every scenario</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Named placement variants this centre belongs to, comma-separated (e.g. 2025 plan, suggested)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CentreTable</name>
        <message>
            <source>built</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>under construction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>planned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pilot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Communities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Over capacity by</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Centres</name>
        <message>
            <source>Neighbourhood centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party-mass service station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Health station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Day care for the elderly</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Childcare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Market</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Culture and sports room</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One-stop public services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Elderly care</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Health</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Food</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Culture and leisure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Public affairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Built</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Under construction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Planned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pilot</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CityStore</name>
        <message>
            <source>Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attribute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theirs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>changed by both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deleted by the other office</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>added by both</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deleted here, changed there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Plan from Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The password is used for this connection only; it is never saved. Leave it empty when the server does not ask for one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another office changed the same features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep All Mine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take All Theirs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save with These Choices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep mine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take theirs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Host:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Port:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan (schema):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>changed here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deleted here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>changed by the other office</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(same values)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Since you opened this plan, another office saved changes to %1 feature(s) you changed too. Nothing has been saved yet. Choose per feature which version to keep.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan (schema) name %1 may hold only letters, digits and underscores, and must not start with a digit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database %1 has no PostGIS. Ask the database administrator to install it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened %1 from the database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot save the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database %1 holds no plan called %2. Check Database and Plan (schema).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save to database %1: %2

Nothing was saved; your changes are still here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: the conflicts are still open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill in %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1 feature(s) to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot connect to database %1 on %2, port %3, as user %4: %5

Check Host, Port, Database, User and Password.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CodeDialog</name>
        <message>
            <source>Grid Codes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DB11/T 2157-2023, 15 digits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CJ/T 349-2010, 20 digits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Renumber every cell (otherwise valid codes are kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scheme:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category (CJ/T 349):</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CoverageDock</name>
        <message>
            <source>Walking Coverage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Levels:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target share:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking distances in metres, or times in minutes at the walking speed, separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Standard…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>5/10/15-minute circles: 300, 500, 1,000 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>5, 10, 15 minutes at the walking speed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The life circles of GB 50180-2018 name 300, 500 and 1,000 m the 5-, 10- and 15-minute circles</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whole plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per grid cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents covered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households covered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tallies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scenarios</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage not computed yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Method: straight line — no network loaded. Distances are as the crow flies, not walked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Method: walking network (distances along streets and paths).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>residents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>meets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>misses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 within %3: %4 the %5 target.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>≤ %1 m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>share</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 households, %2 residents covered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centres</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uncovered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no centre reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uncovered (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centres (%1 over capacity)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What each centre serves as the nearest centre within %1, and its capacity in households</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CoverageFeature</name>
        <message>
            <source>Set walking levels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>straight line — no network loaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>walking network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage computed (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New centre %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select one centre to edit its attributes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (suggested)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggested site %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add suggested centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One Station per Grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The one-station-per-grid rule is off.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set the station rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 grids without a Party-mass service station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking Network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No walking network loaded: import streets first. Coverage uses straight lines meanwhile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 pieces, %2 dead ends, %3 buildings on pieces cut off from the main network</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CrsLabel</name>
        <message>
            <source>No CRS yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>custom CRS</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Excel workbook (one sheet per community)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV table (UTF-8, opens in Excel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GeoPackage (cells, centres, coverage)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GeoPackage files (*.gpkg)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shapefiles (a folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GeoJSON (WGS84)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GeoJSON files (*.geojson)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Web map (opens without a server)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Web pages (*.html)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Tables, Layers and Web Map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language of headers and legends:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chinese</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>English</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Web map: OpenStreetMap background (needs internet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is the open plan; an export never replaces it. Choose another file name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a plan that %2 is saving; an export never replaces a plan. Choose another file name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is a gridplanner plan; an export never replaces a plan. Choose another file name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrote %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopped: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick at least one format.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindingTexts</name>
        <message>
            <source>The plan has no roster yet: import grid workers and Party branches to check every grid's leader, workers and branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 has no outline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 has an invalid outline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 is in pieces that touch only at points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 is in separate pieces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cells %1 overlap by %2 m²</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%2 m² of community %3 are in no cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 names no community of the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 lies outside its community %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 crosses the boundary of %3: %2 m² lie outside it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%4 building(s) lie in no cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A building lies in cells %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1: the boundary cuts through %4 building(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 has %5 households, below the range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 has %5 households, above the range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 has %5 residents, more than the maximum</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cells %1 share one code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 has no code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell %1 has an invalid code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid {cell} has no grid leader</source>
            <extracomment>Kinds whose finding carries ``params``: the template's ``{name}`` fields are filled from them (roster rules, network health).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid {cell} has no full-time grid worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid {cell} has no Party branch (its own or a joint one)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch {branch} has {members} full Party members, fewer than {minimum}; form a joint branch with a neighbouring grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Joint branch {branch} covers grids that are not neighbours: {cells}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid worker {worker} looks after {load} households, more than {limit}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{worker} ({phone}) is listed {count} times in the roster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{worker} works in {count} communities: {communities}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone {phone} is given for {count} people: {names}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dedicated grid {cell} names no responsible unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Communities {first} and {second} overlap by {area} m²; fix the boundaries (import them again with overlaps fixed). Cells affected: {cells}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch {name} belongs to {own} but is assigned to grid {cells} of {communities}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid worker {name} belongs to {own} but is assigned to grid {cells} of {communities}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid {micro} belongs to no grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid {micro} reaches {area} m² outside its grid {cell}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grids {micro} and {other} overlap by {area} m²</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{area} m² of grid {cell} are in no micro-grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} micro-grids of grid {cell} share the number {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid {micro} has {households} households, below the range {low}–{high}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid {micro} has {households} households, above the range {low}–{high}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid {micro}: its edge cuts through {count} building(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} sits under #{parent}, which the plan does not have</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party group {group} does not sit under a Party branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid {micro} has no Party-member household and no steward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party-member household {name} looks after {households} households, outside the range {low}–{high}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compound {compound} has {members} resident Party members but no compound branch and no reason recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Network line {line} has no length (its points coincide)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Network line {line} ends without meeting another line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid {cell} has no Party-mass service station inside it or within {distance} m walk (one station per grid)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A piece of network of {length} m ({lines} lines) is not joined to the main network; {stranded} buildings join it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{table} row {row}: {column} names {refers_to} row {value}, which does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{table} row {row}: {column} is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{table} row {row}: “{value}” is neither a grid worker nor a Party branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{table} row {row} repeats {value} on the same cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} feature(s) of {table} have an invalid shape (rows {rows})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no one is assigned to any grid yet)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} dead ends in the walking network</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindingsDock</name>
        <message>
            <source>Empty cell</source>
            <extracomment>zooming to a finding shows at least this many metres around it human names of the finding kinds that grid validation reports</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid outline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Multi-part cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Non-contiguous cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overlap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outside its community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crosses a community boundary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building in no cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building in two cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building cut by a boundary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households below range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households above range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many residents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicate code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Missing code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Range not met</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No roster yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No grid leader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No full-time worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No Party branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch too small</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Joint branch not adjacent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dedicated grid without unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicate person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicate phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Worker in several communities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Worker overloaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disconnected network part</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dead end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zero-length street</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid in no grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid outside its grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid overlap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid gap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duplicate micro-grid number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building cut by a micro-grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid households below range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid households above range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Missing parent in the tree</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party group without branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid without household or steward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households cared for out of range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compound without branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Errors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter findings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 error(s), %2 warning(s); %3 shown</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GenerateDialog</name>
        <message>
            <source>Generate Grid Cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Balanced on households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Squares</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hexagons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All communities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Method:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell size:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Minimum households:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maximum households:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Random seed:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Existing comprehensive cells of the chosen communities are replaced; dedicated cells are kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The minimum must not be above the maximum.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generating…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GridCommands</name>
        <message>
            <source>Add cell</source>
            <extracomment>extra column of the buildings layer: fid of the cell a building was painted into</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete %n cell(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change cell outlines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit cell attributes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generate grid cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paint %n building(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Split cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge %n cells</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GridFeature</name>
        <message>
            <source>The outline has no area.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The free space is in %1 pieces; the largest became the cell.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move vertex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add vertex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete vertex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The line crosses no cell.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cells of different communities cannot be merged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select one cell to edit its attributes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose or add a cell to paint into first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paint %n building(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rebuild outlines from buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid Validation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No problems found.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cells; %2% within the household range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid Generation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign codes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IdentifyDock</name>
        <message>
            <source>Identify Results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>area (m²)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>geometry</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Boundaries (sub-district, community, compound)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Streets / walking network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service centres</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid workers (roster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party branches (roster)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WGS84 (GPS, OpenStreetMap)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GCJ-02 (Amap, Tencent)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>BD-09 (Baidu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import Data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(detect)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>from the file, e.g. EPSG:4490</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(from a field or the name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the layer's features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Existing grid cells (网格)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building data table (楼栋台账, .xlsx/.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sub-district / township</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community / village</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residential compound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GIS and table files (*.gpkg *.shp *.zip *.geojson *.json *.kml *.kmz *.osm.pbf *.pbf *.osm *.csv *.xlsx);;All files (*)</source>
            <extracomment>which option rows mean something for each kind (the others are disabled)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source CRS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Boundary level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid type field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snap tolerance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Match buildings by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Population groups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fix overlaps and narrow gaps between boundaries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> m</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slivers and gaps between neighbours up to this width are closed; wider ones are reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(the attribute matching most keys)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The table column with each building's name, number or address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Split streets at every crossing (not only where lines share a vertex)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a file to import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the details for every feature that was repaired, skipped or estimated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 repaired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>; </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>repaired: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>skipped: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>note: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported %1 × %2 from %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportMessages</name>
        <message>
            <source>Source CRS</source>
            <extracomment>Command-line option → the Import Data dialog field that sets it.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid type field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Boundary level</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snap tolerance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Match buildings by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Population groups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid column</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the layer's features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fix overlaps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the file is damaged or not a GeoPackage</source>
            <extracomment>(pattern over the English message, template with %1… for its groups). A group named ``f&lt;n&gt;`` is an option or field word, shown as the dialog field.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: latitude and longitude look swapped (a point reads %2, %3): the file gives latitude first. Swap the columns, or choose its coordinate system in the Source CRS box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the longitude and latitude columns hold values outside ±180/±90: latitude and longitude look swapped, or the values are not degrees</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot be read as a GIS file; check that it is a complete Shapefile, GeoJSON, GeoPackage or KML (reader said: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no .cpg file; the text was read as %2 (choose another in the Encoding box if names look wrong)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>residents estimated for %1 buildings as households × %2 (average household size)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 slivers and gaps up to %2 m closed (%3), %4 m² in all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 and %2 overlap by %3 m²: given to %4 (%5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no such file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 read from field “%2” (guessed; choose another in the %3 box)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: has no field “%2” for the %3 box; its fields are: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The snap tolerance must be between 0 and 50 m, not %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: choose the column holding the building key (name, number or address) in the Key column box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: has no column “%2” (the Key column); its first row reads: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no key matches any attribute of the buildings (%2); choose the attribute in the Match buildings by box</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the plan has no buildings yet to join the table to; import the buildings first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1”</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow the system language</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LayersDock</name>
        <message>
            <source>Boundaries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service centres</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid workers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party branches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assignments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party groups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party-member households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reporting Party members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volunteers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community staff</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline width</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change the layer order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no labels)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show or hide %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change the style of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a colour</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LevelRow</name>
        <message>
            <source>min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove this level</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LevelsEditor</name>
        <message>
            <source>Add a level</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LimitsEditor</name>
        <message>
            <source>File size read into memory</source>
            <extracomment>Field → (title, hint, largest value, step); texts are translated in the LimitsEditor context.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Megabytes of one file (a shapefile's parts together, a zip, KMZ or workbook unpacked). A district's buildings are a few tens of megabytes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Features in one file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buildings, boundaries, streets or centres in one file or layer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows of a sheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows of one Excel or CSV sheet (rosters, registers, building tables).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns of a sheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns of one Excel or CSV sheet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vertices of one geometry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points of one boundary, building or street; a detailed community boundary has a few thousand.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Holes of one polygon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Courtyards and other holes of one area; repairing a polygon with very many holes can take hours and gigabytes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Input limits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An import refuses a file over a limit before reading it, naming the file and the limit, so a damaged or hostile file cannot take the computer's memory. Raise a limit only for a file you trust.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New Plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open from &amp;Database…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a plan kept in a city's PostgreSQL/PostGIS database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import Data…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import boundaries, buildings, streets, centres or a roster into the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to &amp;Full Extent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to &amp;Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to &amp;Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Pan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zoom Tool</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;elect Features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I&amp;dentify Features</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Clear Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan &amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid size, walking distances, targets, grid codes and services of this plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <extracomment>Menus in order: (title, entries). "@undo"/"@redo" come from the undo stack, "@recent" is the recent-files sub-menu, "@docks" the dock toggles.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale 1:%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Untitled plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unexpected error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong: %1

Your plan is still open; save it under a new name to keep your work.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot import %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save Plan As</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan has unsaved changes. Save them first?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Draw Cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw a cell vertex by vertex; double click or Enter finishes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit &amp;Vertices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drag shared vertices, double click an edge to add one, Delete removes the selected one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;plit Cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draw a line across a cell to split it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Paint Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click, brush or Shift+drag a lasso over buildings to put them in the chosen cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Avoid Overlap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clip new cells by existing cells and their community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Snapping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snap to vertices and edges within 10 pixels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Merge Selected Cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>De&amp;lete Selected Cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell &amp;Attributes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Rebuild Outlines from Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Derive each cell's outline from its buildings, clipped to its community (the communities of the selected or painted cells)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rebuild Outlines &amp;While Painting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colour Cells by &amp;Household Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show Cell &amp;Codes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Generate Grids…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign &amp;Codes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Va&amp;lidate Grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Roster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage</source>
            <extracomment>a coverage table is shown (after a computation finished) isochrones / gaps / network problems are on the map</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no such file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Basemap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Compute Coverage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking distance from every building to its nearest centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Place Centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click on the map to place a new service centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Move Centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drag a centre; coverage follows while it moves</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>De&amp;lete Centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centre &amp;Attributes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shade Buildings by &amp;Distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;Gap Areas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;Isochrones</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Isochrones &amp;Overlapping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Isochrones &amp;Dissolved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Isochrones &amp;Split by Nearest Centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check &amp;Walking Network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;Network Problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Suggest Centre Sites…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One S&amp;tation per Grid…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage &amp;Report…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click a centre to delete it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disconnected pieces, dead ends and zero-length streets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grids without a Party-mass service station inside or within a walk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The coverage report for superiors: PDF with charts and maps, and an Excel summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Coverage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MapFeature</name>
        <message>
            <source>OpenStreetMap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tianditu Imagery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tianditu Streets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tianditu Imagery Labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tianditu Street Labels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amap Imagery (GCJ-02, aligned)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amap Streets (GCJ-02, aligned)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Tile Service by &amp;URL…</source>
            <extracomment>(name, text, slot, shortcut, menu: "basemap" | "view" | "edit")</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add &amp;MBTiles or Image File…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tianditu &amp;Key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tile &amp;Cache Size…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure &amp;Distance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measure &amp;Area</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go to Coordinates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find by Name or Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snapping &amp;Options…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find name or code…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tianditu Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your Tianditu key (tk), from the Tianditu developer console:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tile Cache Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Largest size of the tile cache on disk (MB):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Basemap File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basemap files (*.mbtiles *.tif *.tiff *.img *.jp2 *.vrt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add basemap %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basemap %1 added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot add the basemap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing is called or coded “%1”</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MeasureTool</name>
        <message>
            <source>Area %1</source>
            <extracomment>total so far (m or m²), the segment being drawn (m), a text for the status bar the final total when the measurement ends</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Total %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Segment %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Organisation</name>
        <message>
            <source>Generate &amp;Micro-grids…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move Selected &amp;Buildings to Micro-grid…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Propose Organisation…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import Register…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Auto-assign Registers…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Check Organisation Rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing here to assign to: drop people on a grid or micro-grid, staff on a centre</source>
            <extracomment>how near (screen pixels) a drop must be to a centre to put staff on duty there</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign %1 by drag and drop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose people in the dock and select a grid, micro-grid or centre on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign %1 to the map selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unassign %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generate micro-grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 micro-grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select buildings on the map first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new micro-grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move Buildings to Micro-grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grid for %1 building(s):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move %1 building(s) to a micro-grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Propose Organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add %1 to the organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-assign Registers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign %1 people</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organisation Rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organisation rules: %1 findings</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrganisationDialogs</name>
        <message>
            <source>Community Party committee</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compound branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building Party group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reporting Party member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volunteer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generate Micro-grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected grids (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fewest households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>30–80 households per micro-grid is a common local convention, not a rule. The grids' existing micro-grids are replaced; edges follow streets and compound walls and never cut a building.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The fewest households must not exceed the most.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Proposal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to propose.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OrganisationDock</name>
        <message>
            <source>Community</source>
            <extracomment>layers whose changes rebuild the trees</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community Party committee</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Joint branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compound branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building Party group</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party-member household</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not placed in the tree</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reporting Party members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volunteers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community staff</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party Organisation</source>
            <extracomment>(layer, fids) activated (double-clicked) in a tree the chosen rows are to go to what is selected on the map (True) or nowhere (False)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign to Map Selection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put the chosen people on the grid or micro-grid selected on the map (staff on the selected centre)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unassign</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Members / where</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlanDamage</name>
        <message>
            <source>Column {column} is missing: its {count} rows have lost it</source>
            <extracomment>What each kind of damage is, from the finding's params ({table}, {column}, {rows}, {value}, {count}, {stated}, {refers_to}).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{column} holds “{value}”, which is not a number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Feature id {value} is used by {count} rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The shape cannot be read as it is stored ({reason})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file says it holds {stated} rows but it holds {count}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The table has lost its feature id key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column {column} is stored as {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points at {refers_to} {value}, which does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{column} is empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Names “{value}”, neither a grid worker nor a Party branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeats {value} on the same cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>These cells share the grid code {value}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{column} points at {refers_to} {value}, which does not exist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The row is removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The link is cleared; the row is kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The value is cleared; fill it in again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The column is added back, empty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put right when the plan is saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The first row keeps the id, the others get new ids: {new_fids}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read as well as possible; check it on the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not repaired: fix it yourself</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Boundaries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid cells</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centres</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid workers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party branches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assignments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Micro-grids</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party groups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party-member households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reporting Party members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volunteers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community staff</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan file is damaged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Without Repairing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repaired; save the plan to keep the repairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened without repairing: saving over this file is refused; use Save As…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repair damaged plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot save the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This plan was opened without repairing its damage, so it is not saved over %1: that would make the damage permanent. Use Save As… to keep your work in another file, or open the plan again and choose Repair.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has %2 problem(s) that would be lost or made permanent by saving it as it is. Nothing has been changed yet.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PrintDialog</name>
        <message>
            <source>Print Grid Maps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic (by the map's shape)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Portrait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Landscape</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One page per community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One page per grid cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chinese</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>English</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paper:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orientation:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Map language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Author:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shade buildings by walking distance to a centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking coverage needs service centres and buildings; the buildings are not shaded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to print: the plan has no map data.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing the PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot export the PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PrintFeature</name>
        <message>
            <source>Print Pre&amp;view…</source>
            <extracomment>(name, text, slot, shortcut, status tip)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview and print the grid maps, one page per community or per grid cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export &amp;PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the grid maps with their staffing tables to one PDF file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export &amp;Tables, Layers, Web Map…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the roster to Excel or CSV, the layers to GeoPackage, Shapefile or GeoJSON, or a web map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrote %1 files</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message>
            <source>Coverage Report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no comparison)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. the sub-district office</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New centre sites to suggest; households a centre has no room for count as not covered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also write the figures as an Excel summary (.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centres:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare with:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Issuing office:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggested sites:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save Coverage Report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Roster</name>
        <message>
            <source>Grid leader</source>
            <extracomment>(group title, roles, required on a comprehensive grid)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full-time workers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part-time workers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stewards and supervisors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No grid cell selected</source>
            <extracomment>the cell shown changed (fid, or -1 for none)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a grid cell on the map to see its team. Drag people from the roster onto a cell to assign them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dedicated grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comprehensive grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no responsible unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 residents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop workers or branches here to put them on this grid.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(none yet: required)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Secretary %1, %2 members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take %1 off this grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid Cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone / secretary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no grid)</source>
            <extracomment>a message for the status bar (what a paste could not read)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter: name, phone, role, grid…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter: name, secretary, type, grid…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only those on no grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show only the rows not yet on a grid, to drag onto the map</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a grid worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a Party branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the selected rows (and their grid assignments)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roster</source>
            <extracomment>(target, fids) of the rows the user selected</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid workers (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party branches (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import Roster…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Auto-assign…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Check Roster Rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import grid workers or Party branches from Excel or CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Propose a leader, a full-time worker and a Party branch for every grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List the grids that break a roster rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No grid cell here: drop on a grid cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Already on grid %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot propose an assignment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot apply the assignment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roster Rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roster rules: %1 findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Secretary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full-time worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Part-time worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building steward</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid supervisor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Joint branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compound branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community Party committee</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch name</source>
            <extracomment>Qt's translate under a name pyside6-lupdate recognises (with a literal context).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>row %1: cannot read %2 as %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paste %1 cells</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RosterCommands</name>
        <message>
            <source>Edit %1</source>
            <extracomment>Qt's translate under a name pyside6-lupdate recognises (with a literal context).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add rows (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove rows (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add grid workers (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Party branches (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete grid workers (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete Party branches (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign %1 to grid %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take %1 off every grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove %1 from the grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove assignments (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Auto-assign: %1 changes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RosterImport</name>
        <message>
            <source>Detect (UTF-8 or GBK)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid workers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Party branches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reporting Party members (双报到)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volunteers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community staff</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid (code or name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Secretary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full members</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grids (codes or names)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Work unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Home (compound and building)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building (number or name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skills</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Post</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Centre on duty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duty days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tables (*.xlsx *.xlsm *.xls *.csv *.txt);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: cannot read the table (%2)</source>
            <extracomment>What reading a table may raise besides our own errors (the csv sniffer, pandas). Qt's translate under a name pyside6-lupdate recognises (with a literal context).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import Roster</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt; Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next &gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace the roster instead of adding to it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text encoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel (.xlsx) or CSV in UTF-8 or GBK. Title rows above the header row are skipped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First rows of the table:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a roster file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a file to import.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(not imported)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>read as %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sheet %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 rows, %2. Choose the column holding each field:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the column holding the names.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScaleBox</name>
        <message>
            <source>Map scale: type 1:2000 and press Enter</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScenarioPanel</name>
        <message>
            <source>From:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every centre (when the plan is built)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open now (built and pilot)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households
(from)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households
(to)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share
(from)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share
(to)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose two placements and press Compare.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Within %1 m: %2 buildings gain coverage (blue on the map), %3 lose it (purple).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share %1 → %2 (target %3); centres %4 → %5; communities with a centre %6 → %7 of %8.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ServicesEditor</name>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>List at least one service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A service has no name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Two services have the same name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A service name cannot contain ';'</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Plan Settings</source>
            <extracomment>Words of a ModelError message → the field it belongs to.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grids and codes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking and services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DB11/T 2157-2023 (15 digits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CJ/T 349-2010 (20 digits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Staffing and estimates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Input limits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households per grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A common convention in local guidance, not a national standard: about 300–500 households per urban grid; in the countryside a natural village or about 300.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most residents per grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also a convention: usually no more than 2,000–2,500 residents.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Staffing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households per full-time worker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How many households one full-time grid worker looks after; a local convention, not a rule.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full members for a branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The Party Constitution (art. 30) asks for at least 3 full members; a grid with fewer is joined to a neighbour's branch.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Below the grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households per micro-grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A micro-grid (微网格) of a few buildings: 30–80 households is a common local convention, not a rule.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households per Party-member household</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A Party-member household (党员中心户) looks after about 5–15 households: a convention, not a rule.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid codes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code scheme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DB11/T 2157-2023: county + sub-district + community + grid serial. CJ/T 349-2010: category + administrative code + sub-district + community + serial.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>County code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>6 digits from GB/T 2260, e.g. 110105.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sub-district code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>3 digits: 001–099 sub-districts, 100–199 towns, 200–399 townships.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Estimating households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dwelling size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Floor area per household: households ≈ footprint × floors ÷ this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Floor height</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Turns a building's height into floors.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking distances</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Levels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measured along the walking network; type metres or minutes. GB 50180-2018: 5-minute circle 300 m, 10-minute 500 m, 15-minute 800–1,000 m.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking speed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Turns minutes into metres: 1.0 m/s by default; older residents walk slower, routing engines assume about 1.4 m/s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target share</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents to be within the longest level of every service. Aims in force: 85% nationally by 2025, 99% in Shanghai by 2035.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage is computed per service. Double-click to rename; a renamed service is renamed at the centres that offer it too.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The smallest number is above the largest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the 6 digits of the county code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type 3 digits, e.g. 001</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Two levels have the same distance</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SitingDialog</name>
        <message>
            <source>Suggest Centre Sites</source>
            <extracomment>the parameters the shown result was computed with ("Add as centre" uses its service)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grid cells that gain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number of new sites:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fewest sites to reach a share:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Within:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All services</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points along the network, every</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Points from a file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Count the centres' capacity (households a centre has no room for count as not covered)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Candidate Sites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GIS files (*.gpkg *.shp *.zip *.geojson *.json *.kml);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Searching…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>straight line — no network loaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>walking network</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households covered within %1: %2% now, %3% with the suggested sites (%4). %5.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The target cannot be reached with these candidates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No site adds coverage.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1. %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Site %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add as centre</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StationRuleDialog</name>
        <message>
            <source>One Station per Grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every grid has a Party-mass service station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A station (a Party-mass service station or a neighbourhood centre) counts when it stands inside the grid or within this walk of one of its buildings. Dedicated grids are not checked. 一网格一阵地 is local practice, not a national standard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Within walking distance:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TalliesDock</name>
        <message>
            <source>Grid Tallies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paint into:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New Cell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add an empty cell to paint buildings into</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Brush:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Brush radius in screen pixels ([ and ] change it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Community</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Households</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buildings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deviation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>below</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>within</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>above</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No cells yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cells, range %2–%3 households: %4 below, %5 within, %6 above</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CentreCommands</name>
        <message>
            <source>Add centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit centre attributes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete %n centre(s)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CoverageOverlay</name>
        <message>
            <source>Straight-line distance — no network loaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking distance (network)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>isochrones per centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>isochrones dissolved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>isochrones split by nearest centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>network problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>suggested site</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>centre not open yet (planned, building)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>gains coverage (scenarios compared)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>loses coverage (scenarios compared)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>beyond %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>gap area: beyond %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>within %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and %1 more centres</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CoverageReport</name>
        <message>
            <source>Computing the coverage report…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage Report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coverage report written: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BasemapDock</name>
        <message>
            <source>Basemaps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basemap opacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove basemap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove Basemap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show basemap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide basemap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reorder basemaps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move Up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move Down</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MapContextMenu</name>
        <message>
            <source>Copy Coordinates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to Layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill Colour…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outline Colour…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to Selected Rows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom to Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identify</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit Attributes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete Feature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to Coordinates…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete %1 %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MapDialogs</name>
        <message>
            <source>WGS84 / CGCS2000 degrees (GPS, Tianditu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GCJ-02 degrees (Amap, Tencent)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>BD-09 degrees (Baidu)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan metres (x, y)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add Tile Service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL template:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinates of the tiles:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attribution:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key (if the service needs one):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use {z}, {x} and {y} ({-y} for TMS rows) in the URL, and {key} where the key goes. The key is kept in your settings, never in the plan file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL template: enter the address of the tiles.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL template: it must start with http:// or https://.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL template: it needs {z}, {x} and {y}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key: this URL has {key}; enter the key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to Coordinates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinates:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snapping Options</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snap while drawing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>screen pixels</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>metres on the ground</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>vertices and segments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>vertices only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>segments only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tolerance:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snap to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layers: choose at least one layer to snap to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The plan has no coordinate system yet: import data first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coordinates: enter two numbers, e.g. 116.3974, 39.9093 (degrees) or 440120, 4420350 (plan metres).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Layers:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>commands</name>
        <message>
            <source>Change plan settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change the layer order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import %1 from %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change the style of %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlanFiles</name>
        <message>
            <source>The plan changed on disk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save As…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is read-only, so it was not replaced. Use Save As… to save under another name, or make the file writable first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not enough disk space to save %1. Free some space or save to another disk; the file on disk is unchanged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot save the plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is being changed by %2 right now. Nothing was saved. Try again when it has finished, or use Save As… to keep your changes in another file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was changed on disk by %2 after this window opened it. Your changes are not saved yet, and saving now would lose that change.

Save As… keeps your changes in another file; Reload opens the plan as it is on disk and drops your unsaved changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was changed on disk by %2 since this window opened it; saving will ask what to do.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
